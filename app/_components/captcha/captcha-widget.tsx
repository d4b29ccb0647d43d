"use client";
// The CAPTCHA in a form: ALTCHA's web component, self-hosted. It fetches a challenge from
// /api/captcha/challenge, solves it in Web Workers when the person ticks its checkbox (a real
// <input type="checkbox"> with a <label>, so Tab + Space and screen readers work), and puts the
// solution in a hidden input named "captcha", which the form sends with its fields.
//
// Under our CSP: the `altcha/external` build (its CSS comes through our bundle below, no <style>
// injected) and its SHA worker bundled as a file of our own (worker-src 'self'). Loaded in the
// browser only (the dynamic import in the effect). Its texts are our messages, so the four
// languages read like the rest of Mesa. A form remounts it (a new `key`) after a refusal: a solution
// counts once.
import "altcha/altcha.css";
import "./captcha.css";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
// The JSX type of <altcha-widget> (types only).
import type {} from "altcha/types/react";

/** The form field the solution arrives in (server/captcha/field.ts). */
export const CAPTCHA_FIELD = "captcha";

const texts = ["label", "verifying", "verified", "error", "expired", "waitAlert", "loading", "verificationRequired"] as const;
const announced = { verifying: "verifying", verified: "verified", error: "error", expired: "expired" } as const;

let loaded: Promise<void> | undefined;
/** The web component, defined once per page. */
function loadAltcha(): Promise<void> {
  loaded ??= import("altcha/external").then(() => {
    globalThis.$altcha.algorithms.set("SHA-256", () => new Worker(new URL("./sha.worker.ts", import.meta.url)));
  });
  return loaded;
}

/** The solution of the form's current widget, or undefined while it is not solved. */
export const captchaSolution = (form: FormData): string | undefined => {
  const value = form.get(CAPTCHA_FIELD);
  return typeof value === "string" && value ? value : undefined;
};

export function CaptchaWidget() {
  const t = useTranslations("Captcha");
  const locale = useLocale();
  const hintId = useId();
  const widget = useRef<HTMLElement>(null);
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState("");

  useEffect(() => {
    let current = true;
    loadAltcha().then(
      () => {
        const altcha = globalThis.$altcha;
        altcha.i18n.set(locale, { ...altcha.i18n.get("en"), ...Object.fromEntries(texts.map((key) => [key, t(key)])) });
        if (current) setReady(true);
      },
      () => current && setStatus(t("error")),
    );
    return () => {
      current = false;
    };
  }, [locale, t]);

  useEffect(() => {
    const element = widget.current;
    if (!ready || !element) return;
    // The hint describes the checkbox; the state changes are read out (the label changes silently).
    const describe = () => element.querySelector('input[type="checkbox"]')?.setAttribute("aria-describedby", hintId);
    const onState = (event: Event) => {
      const state = (event as CustomEvent<{ state: string }>).detail.state;
      setStatus(state in announced ? t(announced[state as keyof typeof announced]) : "");
      describe();
    };
    describe();
    element.addEventListener("load", describe);
    element.addEventListener("statechange", onState);
    return () => {
      element.removeEventListener("load", describe);
      element.removeEventListener("statechange", onState);
    };
  }, [ready, hintId, t]);

  return (
    <div className="flex flex-col gap-1">
      {ready ? (
        <altcha-widget
          ref={widget}
          challenge="/api/captcha/challenge"
          name={CAPTCHA_FIELD}
          language={locale}
          // Two workers: a few tenths of a second on a phone already (server/captcha/captcha.ts).
          workers={2}
          configuration={JSON.stringify({ hideFooter: true, hideLogo: true })}
        />
      ) : (
        // The widget's size while it loads, so the form does not jump.
        <div className="h-14 max-w-[260px] rounded-md border border-slate-300 dark:border-slate-700" aria-hidden />
      )}
      <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
        {t("hint")}
      </p>
      <span aria-live="polite" className="sr-only">
        {status}
      </span>
    </div>
  );
}
