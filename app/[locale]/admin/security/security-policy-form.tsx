"use client";
// Whether the create-ticket form asks for the CAPTCHA too. Said plainly when the server runs with
// CAPTCHA=off: the choice is kept, but no form asks for it until the CAPTCHA is on.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AppRouter } from "../../../../server/trpc/router";
import { setSecurityPolicyInput } from "../../../../server/trpc/admin/security.schema";
import { FormMessage, buttonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";

type Policy = inferRouterOutputs<AppRouter>["admin"]["security"]["policy"];

export function SecurityPolicyForm({ policy, labelledBy }: { policy: Policy; labelledBy: string }) {
  const t = useTranslations("Admin.security");
  const common = useTranslations("Common");
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(trpc.admin.security.setPolicy.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [saved, setSaved] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const values = { ticketCaptcha: new FormData(event.currentTarget).get("ticketCaptcha") === "on" };
    if (await submit(setSecurityPolicyInput, values, (input) => save.mutateAsync(input))) {
      setSaved(true);
      router.refresh();
    }
  }

  return (
    // key: after a save and refresh the box shows what was stored
    <form key={JSON.stringify(policy)} onSubmit={onSubmit} aria-labelledby={labelledBy} className="flex flex-col gap-4" noValidate>
      {!policy.captchaAvailable && (
        <p className="max-w-3xl text-sm font-medium" data-testid="captcha-off">
          {t("captchaOff")}
        </p>
      )}
      <div className="flex items-start gap-2">
        <input
          id="ticketCaptcha"
          name="ticketCaptcha"
          type="checkbox"
          defaultChecked={policy.ticketCaptcha}
          aria-describedby="ticketCaptcha-hint"
          className="mt-1 size-4"
        />
        <div className="flex flex-col gap-0.5">
          <label htmlFor="ticketCaptcha" className="text-sm font-medium">
            {t("ticketCaptcha")}
          </label>
          <p id="ticketCaptcha-hint" className="text-xs text-slate-500 dark:text-slate-400">
            {t("ticketCaptchaHint")}
          </p>
        </div>
      </div>
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      {saved && <FormMessage kind="success">{t("saved")}</FormMessage>}
      <button type="submit" className={`${buttonClass} self-start`} disabled={save.isPending}>
        {save.isPending ? common("saving") : t("save")}
      </button>
    </form>
  );
}
