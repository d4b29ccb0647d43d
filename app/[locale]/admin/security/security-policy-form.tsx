"use client";
// One security setting per form: whether the create-ticket form asks for the CAPTCHA too (said
// plainly when the server runs with CAPTCHA=off: the choice is kept, but no form asks for it until the
// CAPTCHA is on), or whether the help centre is for signed-in people only.
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

type Setting = "ticketCaptcha" | "helpRequiresSignIn";

export function SecurityPolicyForm({
  policy,
  labelledBy,
  setting = "ticketCaptcha",
}: {
  policy: Policy;
  labelledBy: string;
  setting?: Setting;
}) {
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
    const values = { [setting]: new FormData(event.currentTarget).get(setting) === "on" };
    if (await submit(setSecurityPolicyInput, values, (input) => save.mutateAsync(input))) {
      setSaved(true);
      router.refresh();
    }
  }

  return (
    // key: after a save and refresh the box shows what was stored
    <form key={JSON.stringify(policy)} onSubmit={onSubmit} aria-labelledby={labelledBy} className="flex flex-col gap-4" noValidate>
      {setting === "ticketCaptcha" && !policy.captchaAvailable && (
        <p className="max-w-3xl text-sm font-medium" data-testid="captcha-off">
          {t("captchaOff")}
        </p>
      )}
      <div className="flex items-start gap-2">
        <input
          id={setting}
          name={setting}
          type="checkbox"
          defaultChecked={policy[setting]}
          aria-describedby={`${setting}-hint`}
          className="mt-1 size-4"
        />
        <div className="flex flex-col gap-0.5">
          <label htmlFor={setting} className="text-sm font-medium">
            {t(setting)}
          </label>
          <p id={`${setting}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
            {t(`${setting}Hint`)}
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
