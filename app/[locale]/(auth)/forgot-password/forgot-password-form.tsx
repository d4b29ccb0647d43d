"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { requestResetInput } from "../../../../server/trpc/auth/password-reset.schema";
import { Field, FormMessage, buttonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";

export function ForgotPasswordForm() {
  const t = useTranslations("ForgotPassword");
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const { errors, submit: submitForm } = useFormErrors();
  const [sentTo, setSentTo] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = { email: new FormData(event.currentTarget).get("email") };
    await submitForm(requestResetInput, values, async (input) => {
      await request.mutateAsync(input);
      setSentTo(input.email);
    });
  }

  if (sentTo) return <FormMessage kind="success">{t("done", { email: sentTo })}</FormMessage>;
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <Field id="email" type="email" label={t("email")} autoComplete="email" error={errors.fields.email} required />
      <button type="submit" className={buttonClass} disabled={request.isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
