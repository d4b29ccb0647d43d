"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { requestResetInput } from "../../../../server/trpc/auth/password-reset.schema";
import { CaptchaWidget, captchaSolution } from "../../../_components/captcha/captcha-widget";
import { Field, FormMessage, buttonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";

/** `captcha`: the server asks for the CAPTCHA (off with CAPTCHA=off). */
export function ForgotPasswordForm({ captcha }: { captcha: boolean }) {
  const t = useTranslations("ForgotPassword");
  const trpc = useTRPC();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());
  const { errors, submit: submitForm } = useFormErrors();
  const [sentTo, setSentTo] = useState<string>();
  // A new widget after a refusal: its solution was spent.
  const [captchaRound, setCaptchaRound] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { email: form.get("email"), captcha: captchaSolution(form) };
    let sent = false;
    const done = await submitForm(requestResetInput, values, async (input) => {
      sent = true;
      await request.mutateAsync(input);
      setSentTo(input.email);
    });
    if (!done && sent) setCaptchaRound((n) => n + 1);
  }

  if (sentTo) return <FormMessage kind="success">{t("done", { email: sentTo })}</FormMessage>;
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <Field id="email" type="email" label={t("email")} autoComplete="email" error={errors.fields.email} required />
      {captcha && <CaptchaWidget key={captchaRound} />}
      <button type="submit" className={buttonClass} disabled={request.isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
