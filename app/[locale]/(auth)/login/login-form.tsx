"use client";
import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { CaptchaWidget, captchaSolution } from "../../../_components/captcha/captcha-widget";
import { Field, FormMessage, buttonClass, secondaryButtonClass } from "../../../_components/field";
import { useHydrated } from "../../../_lib/use-hydrated";

const knownErrors = [
  "wrongCredentials",
  "tooManyAttempts",
  "accountSignInsSlowed",
  "notActivated",
  "signInCaptchaRequired",
  "captchaInvalid",
] as const;
/** The answers that ask for the CAPTCHA (an account under pressure: server/auth/sign-in.ts). */
const askForCaptcha: readonly string[] = ["signInCaptchaRequired", "captchaInvalid"];

/** `next`: where to land once signed in (a path of this site, checked by the page); else the home. */
export function LoginForm({ googleEnabled, next = null }: { googleEnabled: boolean; next?: string | null }) {
  const t = useTranslations("Login");
  const tErrors = useTranslations("Errors");
  const tCommon = useTranslations("Common");
  const locale = useLocale();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The CAPTCHA, once a sign-in asked for it (null: not shown); a new widget after each refusal.
  const [captchaRound, setCaptchaRound] = useState<number | null>(null);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const captcha = captchaSolution(form);
      const result = await signIn("credentials", {
        redirect: false,
        email: form.get("email"),
        password: form.get("password"),
        ...(captcha ? { captcha } : {}),
      });
      if (result?.ok && !result.error) {
        // A full navigation, so every server component sees the new session cookie.
        window.location.assign(next ?? `/${locale}`);
        return;
      }
      const key = knownErrors.find((k) => k === result?.error) ?? "wrongCredentials";
      setError(tErrors(key));
      if (askForCaptcha.includes(key) || captchaRound !== null) setCaptchaRound((n) => (n ?? 0) + 1);
    } catch {
      setError(tErrors("network"));
    }
    setBusy(false);
  }

  return (
    <div className="flex flex-col gap-4">
      {/* method="post": should the form ever submit before JavaScript runs, the password stays out of the URL. */}
      <form method="post" onSubmit={submit} className="flex flex-col gap-4" noValidate>
        {error && <FormMessage kind="error">{error}</FormMessage>}
        <Field id="email" type="email" label={t("email")} autoComplete="email" required />
        <Field id="password" type="password" label={t("password")} autoComplete="current-password" required />
        {captchaRound !== null && <CaptchaWidget key={captchaRound} />}
        <button type="submit" className={buttonClass} disabled={busy || !hydrated}>
          {busy ? t("submitting") : t("submit")}
        </button>
      </form>
      <div className="flex items-center gap-3 text-xs uppercase text-slate-400">
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
        {tCommon("or")}
        <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
      </div>
      <button
        type="button"
        className={secondaryButtonClass}
        disabled={!googleEnabled || !hydrated}
        title={googleEnabled ? undefined : t("googleDisabled")}
        onClick={() => void signIn("google", { callbackUrl: next ?? `/${locale}` })}
      >
        <svg aria-hidden width="18" height="18" viewBox="0 0 48 48">
          <path
            fill="#FFC107"
            d="M43.6 20.1H42V20H24v8h11.3C33.7 32.7 29.2 36 24 36c-6.6 0-12-5.4-12-12s5.4-12 12-12c3.1 0 5.8 1.2 7.9 3.1l5.7-5.7C34 6.1 29.3 4 24 4 12.9 4 4 12.9 4 24s8.9 20 20 20 20-8.9 20-20c0-1.3-.1-2.6-.4-3.9z"
          />
          <path
            fill="#FF3D00"
            d="m6.3 14.7 6.6 4.8C14.7 15.1 19 12 24 12c3.1 0 5.8 1.2 7.9 3.1l5.7-5.7C34 6.1 29.3 4 24 4 16.3 4 9.7 8.3 6.3 14.7z"
          />
          <path
            fill="#4CAF50"
            d="M24 44c5.2 0 9.9-2 13.4-5.2l-6.2-5.2C29.2 35.1 26.7 36 24 36c-5.2 0-9.6-3.3-11.3-8l-6.5 5C9.5 39.6 16.2 44 24 44z"
          />
          <path fill="#1976D2" d="M43.6 20.1H42V20H24v8h11.3c-.8 2.2-2.2 4.2-4.1 5.6l6.2 5.2C37 39.2 44 34 44 24c0-1.3-.1-2.6-.4-3.9z" />
        </svg>
        {t("google")}
      </button>
      {!googleEnabled && <p className="text-xs text-slate-500 dark:text-slate-400">{t("googleDisabled")}</p>}
    </div>
  );
}
