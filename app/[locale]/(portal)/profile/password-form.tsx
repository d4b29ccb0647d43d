"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { changePasswordInput } from "../../../../server/trpc/profile/update.schema";
import { Field, FormMessage, buttonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";

export function PasswordForm() {
  const t = useTranslations("Profile");
  const trpc = useTRPC();
  const change = useMutation(trpc.profile.changePassword.mutationOptions());
  const { errors, submit: submitForm } = useFormErrors();
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const values = { current: form.get("current"), next: form.get("next") };
    if (await submitForm(changePasswordInput, values, (input) => change.mutateAsync(input))) {
      formElement.reset();
      setDone(true);
    }
  }

  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      {done && <FormMessage kind="success">{t("passwordChanged")}</FormMessage>}
      <Field id="current" type="password" label={t("currentPassword")} autoComplete="current-password" error={errors.fields.current} />
      <Field id="next" type="password" label={t("newPassword")} autoComplete="new-password" error={errors.fields.next} />
      <button type="submit" className={`${buttonClass} self-start`} disabled={change.isPending}>
        {t("changePassword")}
      </button>
    </form>
  );
}
