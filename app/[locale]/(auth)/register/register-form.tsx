"use client";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { registerInput } from "../../../../server/trpc/auth/register.schema";
import { CaptchaWidget, captchaSolution } from "../../../_components/captcha/captcha-widget";
import { Field, FormMessage, buttonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";

/** `captcha`: the server asks for the CAPTCHA (off with CAPTCHA=off). */
export function RegisterForm({ captcha }: { captcha: boolean }) {
  const t = useTranslations("Register");
  const locale = useLocale();
  const trpc = useTRPC();
  const register = useMutation(trpc.auth.register.mutationOptions());
  const { errors, submit: submitForm } = useFormErrors();
  const [sentTo, setSentTo] = useState<string>();
  // A new widget after a refusal: its solution was spent.
  const [captchaRound, setCaptchaRound] = useState(0);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = {
      name: form.get("name"),
      email: form.get("email"),
      password: form.get("password"),
      locale,
      captcha: captchaSolution(form),
    };
    let sent = false;
    const done = await submitForm(registerInput, values, async (input) => {
      sent = true;
      setSentTo((await register.mutateAsync(input)).email);
    });
    if (!done && sent) setCaptchaRound((n) => n + 1);
  }

  if (sentTo) return <FormMessage kind="success">{t("done", { email: sentTo })}</FormMessage>;
  return (
    <form method="post" onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <Field id="name" label={t("name")} autoComplete="name" error={errors.fields.name} required />
      <Field id="email" type="email" label={t("email")} autoComplete="email" error={errors.fields.email} required />
      <Field
        id="password"
        type="password"
        label={t("password")}
        hint={t("passwordHint")}
        autoComplete="new-password"
        error={errors.fields.password}
        required
      />
      {captcha && <CaptchaWidget key={captchaRound} />}
      <button type="submit" className={buttonClass} disabled={register.isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
