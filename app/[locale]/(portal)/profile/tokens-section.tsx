"use client";
// Perfil → Tokens de acceso: personal access tokens for the REST API. A new token is shown once,
// with a copy button; the list shows each token's scope, expiry and last use, and revokes at once.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { createTokenInput } from "../../../../server/trpc/profile/tokens.schema";
import { Field, FormMessage, buttonClass, secondaryButtonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";

export function TokensSection() {
  const t = useTranslations("Profile.tokens");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.profile.tokens.list.queryOptions());
  // A first load still in flight began before the change: TanStack Query would hand its (old) answer
  // to the refresh, so it is cancelled and the list asked for again.
  const refresh = async () => {
    const queryKey = trpc.profile.tokens.list.queryKey();
    await queryClient.cancelQueries({ queryKey });
    await queryClient.invalidateQueries({ queryKey });
  };
  const create = useMutation(trpc.profile.tokens.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.profile.tokens.revoke.mutationOptions({ onSuccess: refresh }));
  const { errors, submit: submitForm } = useFormErrors();
  const [shown, setShown] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setShown(null);
    setCopied(false);
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const day = String(form.get("token-expires") ?? "");
    const values = { name: form.get("token-name"), scope: form.get("token-scope"), expiresAt: day ? `${day}T23:59:59.999Z` : null };
    let made: string | null = null;
    const ok = await submitForm(createTokenInput, values, async (input) => {
      made = (await create.mutateAsync(input)).token;
    });
    if (ok && made) {
      formElement.reset();
      setShown(made);
    }
  }

  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">{t("intro")}</p>
      {shown && (
        <div className="flex flex-col gap-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950">
          <label htmlFor="new-token" className="text-sm font-medium">
            {t("shownOnce")}
          </label>
          <div className="flex gap-2">
            <input
              id="new-token"
              readOnly
              value={shown}
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              className={secondaryButtonClass}
              onClick={() => void navigator.clipboard?.writeText(shown).then(() => setCopied(true))}
            >
              {copied ? t("copied") : t("copy")}
            </button>
          </div>
        </div>
      )}
      <form method="post" onSubmit={submit} className="flex flex-col gap-3" noValidate>
        {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
        <Field id="token-name" label={t("name")} maxLength={100} error={errors.fields.name} />
        <div className="flex flex-col gap-1">
          <label htmlFor="token-scope" className="text-sm font-medium">
            {t("scope")}
          </label>
          <select
            id="token-scope"
            name="token-scope"
            defaultValue="read_write"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="read_write">{t("scopeReadWrite")}</option>
            <option value="read">{t("scopeRead")}</option>
          </select>
        </div>
        <Field id="token-expires" type="date" label={t("expiresAt")} hint={t("expiresAtHint")} error={errors.fields.expiresAt} />
        <button type="submit" className={`${buttonClass} self-start`} disabled={create.isPending}>
          {t("create")}
        </button>
      </form>
      {tokens.data && tokens.data.length > 0 && (
        <ul className="flex flex-col divide-y divide-slate-200 dark:divide-slate-800" aria-label={t("listLabel")}>
          {tokens.data.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div className="flex flex-col text-sm">
                <span className="font-medium">{token.name}</span>
                <span className="text-slate-600 dark:text-slate-400">
                  {token.scope === "read" ? t("scopeRead") : t("scopeReadWrite")} · {t("created", { date: date(token.createdAt) })} ·{" "}
                  {token.expiresAt ? t("expires", { date: date(token.expiresAt) }) : t("noExpiry")} ·{" "}
                  {token.lastUsedAt ? t("lastUsed", { date: format.relativeTime(token.lastUsedAt) }) : t("neverUsed")}
                </span>
              </div>
              {token.revokedAt ? (
                <span className="text-sm text-slate-600 dark:text-slate-400">{t("revoked", { date: date(token.revokedAt) })}</span>
              ) : (
                <button
                  type="button"
                  className={secondaryButtonClass}
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ id: token.id })}
                  aria-label={t("revokeNamed", { name: token.name })}
                >
                  {t("revoke")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
