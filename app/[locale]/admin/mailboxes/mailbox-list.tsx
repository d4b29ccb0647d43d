"use client";
// Each mailbox with what it fetches and how it is doing: the server, the account, the last fetch and
// the last error, and an OAuth2 grant that expired or was revoked said plainly (it must be connected
// again). "Probar conexión" signs in now and says what happened; "Conectar" sends the admin to the
// provider's authorization page; edit in place; remove after a confirmation.
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormMessage } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { card, dangerButtonClass, smallButtonClass } from "../admin-ui";
import { MailboxForm, type Mailbox } from "./mailbox-form";
import { plainSpaces } from "../../../_lib/plain-spaces";

type TestResult = { id: string; ok: boolean; text: string };

export function MailboxList({ mailboxes, redirectUri, timeZone }: { mailboxes: Mailbox[]; redirectUri: string; timeZone: string }) {
  const t = useTranslations("Admin.mailboxes");
  const format = useFormatter();
  const router = useRouter();
  const trpc = useTRPC();
  const test = useMutation(trpc.admin.mailboxes.testConnection.mutationOptions());
  const connect = useMutation(trpc.admin.mailboxes.connect.mutationOptions());
  const remove = useMutation(trpc.admin.mailboxes.remove.mutationOptions());
  const { errors, fromError, clear } = useFormErrors();
  const [notice, setNotice] = useState<string>();
  const [editing, setEditing] = useState<string>();
  const [confirming, setConfirming] = useState<string>();
  const [result, setResult] = useState<TestResult>();

  const when = (d: Date | null) =>
    d ? plainSpaces(format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "short", timeZone })) : t("never");
  const provider = (p: string | null) => (p === "microsoft" || p === "google" ? t(`providers.${p}`) : (p ?? "—"));
  /** An expired or revoked grant, said with the provider's name; an unknown key still shows. */
  const authProblem = (m: Mailbox, key: string) => {
    const values = { provider: provider(m.oauthProvider), key };
    return t.has(`authProblem.${key}` as "authProblem.other")
      ? t(`authProblem.${key}` as "authProblem.other", values)
      : t("authProblem.other", values);
  };

  function reset() {
    clear();
    setNotice(undefined);
    setResult(undefined);
  }

  async function runTest(m: Mailbox) {
    reset();
    try {
      const outcome = await test.mutateAsync({ id: m.id });
      setResult({
        id: m.id,
        ok: outcome.ok,
        text: outcome.ok ? t("testOk", { detail: outcome.detail }) : t("testFailed", { error: outcome.error }),
      });
      // The test records its outcome on the mailbox (last error, authorization problem).
      router.refresh();
    } catch (error) {
      fromError(error);
    }
  }

  async function runConnect(m: Mailbox) {
    reset();
    try {
      const { url } = await connect.mutateAsync({ id: m.id });
      window.location.assign(url);
    } catch (error) {
      fromError(error);
    }
  }

  async function runRemove(m: Mailbox) {
    reset();
    try {
      await remove.mutateAsync({ id: m.id });
      setConfirming(undefined);
      setNotice(t("removed", { name: m.name }));
      router.refresh();
    } catch (error) {
      fromError(error);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      {mailboxes.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{t("empty")}</p>}
      <ul className="flex flex-col gap-3">
        {mailboxes.map((m) => {
          const titleId = `mailbox-${m.id}-title`;
          const oauth = m.auth === "oauth2";
          return (
            <li key={m.id} aria-labelledby={titleId} data-testid="mailbox" className={`${card} flex flex-col gap-3`}>
              <div className="flex flex-wrap items-center gap-2">
                <h3 id={titleId} className="text-base font-semibold break-all">
                  {m.name}
                </h3>
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium uppercase dark:bg-slate-800">{m.protocol}</span>
                <span
                  className={
                    m.enabled
                      ? "rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
                      : "rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-700 dark:text-slate-200"
                  }
                >
                  {m.enabled ? t("enabledBadge") : t("disabledBadge")}
                </span>
              </div>
              {m.authProblem && (
                <p
                  role="alert"
                  className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
                >
                  {authProblem(m, m.authProblem)}
                </p>
              )}
              {oauth && !m.connected && !m.authProblem && (
                <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-800">
                  {t("notConnected")}
                </p>
              )}
              {editing === m.id ? (
                <MailboxForm
                  mailbox={m}
                  redirectUri={redirectUri}
                  onDone={(message) => {
                    setEditing(undefined);
                    if (message) setNotice(message);
                  }}
                />
              ) : (
                <>
                  <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                    <dt className="text-slate-500 dark:text-slate-400">{t("server")}</dt>
                    <dd className="break-all">
                      {m.host}:{m.port} · {m.tls ? t("tlsOn") : t("tlsStartTls")}
                    </dd>
                    <dt className="text-slate-500 dark:text-slate-400">{t("username")}</dt>
                    <dd className="break-all">{m.username}</dd>
                    <dt className="text-slate-500 dark:text-slate-400">{t("auth")}</dt>
                    <dd>
                      {oauth
                        ? t("authOAuthWith", { provider: provider(m.oauthProvider) }) + (m.connected ? ` · ${t("connected")}` : "")
                        : t("authPassword")}
                    </dd>
                    {m.protocol === "imap" && (
                      <>
                        <dt className="text-slate-500 dark:text-slate-400">{t("folders")}</dt>
                        <dd className="break-all">
                          {m.processedFolder
                            ? t("foldersMove", { folder: m.folder, processed: m.processedFolder })
                            : t("foldersSeen", { folder: m.folder })}
                        </dd>
                      </>
                    )}
                    <dt className="text-slate-500 dark:text-slate-400">{t("lastFetch")}</dt>
                    <dd>{when(m.lastFetchAt)}</dd>
                    <dt className="text-slate-500 dark:text-slate-400">{t("lastError")}</dt>
                    <dd>
                      {m.lastError ? (
                        <>
                          <span className="text-red-700 dark:text-red-300">{m.lastError}</span>
                          {m.lastErrorAt && <span className="block text-xs text-slate-500 dark:text-slate-400">{when(m.lastErrorAt)}</span>}
                        </>
                      ) : (
                        t("noError")
                      )}
                    </dd>
                  </dl>
                  {result?.id === m.id && <FormMessage kind={result.ok ? "success" : "error"}>{result.text}</FormMessage>}
                  <div className="flex flex-wrap gap-2">
                    <button
                      type="button"
                      className={smallButtonClass}
                      aria-label={t("testOf", { name: m.name })}
                      disabled={test.isPending}
                      onClick={() => void runTest(m)}
                    >
                      {test.isPending && test.variables?.id === m.id ? t("testing") : t("test")}
                    </button>
                    {oauth && (
                      <button
                        type="button"
                        className={smallButtonClass}
                        aria-label={t(m.connected ? "reconnectOf" : "connectOf", { name: m.name })}
                        disabled={connect.isPending}
                        onClick={() => void runConnect(m)}
                      >
                        {t(m.connected ? "reconnect" : "connect")}
                      </button>
                    )}
                    <button
                      type="button"
                      className={smallButtonClass}
                      aria-label={t("editOf", { name: m.name })}
                      onClick={() => {
                        reset();
                        setEditing(m.id);
                      }}
                    >
                      {t("edit")}
                    </button>
                    {confirming !== m.id && (
                      <button
                        type="button"
                        className={dangerButtonClass}
                        aria-label={t("removeOf", { name: m.name })}
                        onClick={() => {
                          reset();
                          setConfirming(m.id);
                        }}
                      >
                        {t("remove")}
                      </button>
                    )}
                  </div>
                  {confirming === m.id && (
                    <div
                      role="group"
                      aria-label={t("removeOf", { name: m.name })}
                      className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950"
                    >
                      <p>{t("confirmRemove", { name: m.name })}</p>
                      <div className="flex flex-wrap gap-2">
                        <button type="button" className={dangerButtonClass} disabled={remove.isPending} onClick={() => void runRemove(m)}>
                          {t("confirm")}
                        </button>
                        <button type="button" className={smallButtonClass} onClick={() => setConfirming(undefined)}>
                          {t("cancel")}
                        </button>
                      </div>
                    </div>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
