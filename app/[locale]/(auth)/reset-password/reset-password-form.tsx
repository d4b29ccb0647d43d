"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { resetPasswordInput } from "../../../../server/trpc/auth/password-reset.schema";
import { Field, FormMessage, buttonClass } from "../../../_components/field";
import { useRouter } from "../../../_i18n/navigation";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("ResetPassword");
  const router = useRouter();
  const trpc = useTRPC();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());
  const { errors, submit: submitForm } = useFormErrors();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const values = { token, password: new FormData(event.currentTarget).get("password") };
    if (await submitForm(resetPasswordInput, values, (input) => reset.mutateAsync(input))) router.push("/login?reset=1");
  }

  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <Field id="password" type="password" label={t("password")} autoComplete="new-password" error={errors.fields.password} required />
      <button type="submit" className={buttonClass} disabled={reset.isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
