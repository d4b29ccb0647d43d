"use client";
// The rows of Correo entrante: who wrote, what, when and through which source; its status and what
// came of it (or why it waits), the error, the attempts and its ticket. "Reprocesar" hands it back
// to the processor, "Descartar" puts it aside, "Descargar .eml" gives the message as it came.
// "Load more" follows the cursor.
import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ListInboundInput } from "../../../../server/trpc/admin/inbound.schema";
import type { AppRouter } from "../../../../server/trpc/router";
import { FormMessage } from "../../../_components/field";
import { Link } from "../../../_i18n/navigation";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { card, dangerButtonClass, smallButtonClass } from "../admin-ui";
import { plainSpaces } from "../../../_lib/plain-spaces";

type Page = inferRouterOutputs<AppRouter>["admin"]["inbound"]["list"];
type Row = Page["items"][number];

const statusStyle: Record<Row["status"], string> = {
  pending: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  processed: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  held: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  discarded: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
};

export function InboundList({ input, initial, timeZone }: { input: ListInboundInput; initial: Page; timeZone: string }) {
  const t = useTranslations("Admin.inbound");
  const format = useFormatter();
  const router = useRouter();
  const trpc = useTRPC();
  const { cursor: _cursor, ...base } = input;
  const query = useInfiniteQuery(
    trpc.admin.inbound.list.infiniteQueryOptions(base, {
      initialData: { pages: [initial], pageParams: [null] },
      getNextPageParam: (last) => last.nextCursor,
    }),
  );
  const reprocess = useMutation(trpc.admin.inbound.reprocess.mutationOptions());
  const discard = useMutation(trpc.admin.inbound.discard.mutationOptions());
  const { errors, fromError, clear } = useFormErrors();
  const [notice, setNotice] = useState<string>();
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const busy = reprocess.isPending || discard.isPending;

  const when = (d: Date) => plainSpaces(format.dateTime(new Date(d), { dateStyle: "medium", timeStyle: "short", timeZone }));
  const outcome = (key: string) =>
    t.has(`outcome.${key}` as "outcome.processing_error") ? t(`outcome.${key}` as "outcome.processing_error") : key;
  const rule = (key: string) =>
    t.has(`threadRule.${key}` as "threadRule.references") ? t(`threadRule.${key}` as "threadRule.references") : key;
  const source = (m: Row) => [t(`source.${m.source}`), m.mailbox?.name].filter(Boolean).join(" · ");

  async function act(action: () => Promise<unknown>, message: string) {
    clear();
    setNotice(undefined);
    try {
      await action();
      setNotice(message);
      await query.refetch();
      // The tab counts come with the page.
      router.refresh();
    } catch (error) {
      fromError(error);
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      {items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-8 text-center text-slate-500 dark:border-slate-700 dark:text-slate-400">
          {t(`empty.${input.tab}`)}
        </p>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="inbound-list">
          {items.map((m) => {
            const titleId = `inbound-${m.id}-title`;
            const subject = m.subject || t("noSubject");
            return (
              <li key={m.id} aria-labelledby={titleId} data-testid="inbound-mail" className={`${card} flex flex-col gap-3`}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusStyle[m.status]}`}>{t(`status.${m.status}`)}</span>
                  <h2 id={titleId} className="min-w-0 flex-1 text-base font-semibold break-words">
                    {subject}
                  </h2>
                </div>
                <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                  <dt className="text-slate-500 dark:text-slate-400">{t("from")}</dt>
                  <dd className="break-all">{m.fromAddress ?? t("unknownSender")}</dd>
                  <dt className="text-slate-500 dark:text-slate-400">{t("received")}</dt>
                  <dd>
                    <time dateTime={new Date(m.receivedAt).toISOString()}>{when(m.receivedAt)}</time>
                  </dd>
                  <dt className="text-slate-500 dark:text-slate-400">{t("source.label")}</dt>
                  <dd className="break-all">{source(m)}</dd>
                  {m.outcome && (
                    <>
                      <dt className="text-slate-500 dark:text-slate-400">
                        {t(m.status === "held" || m.status === "failed" ? "reason" : "outcomeLabel")}
                      </dt>
                      <dd>{outcome(m.outcome)}</dd>
                    </>
                  )}
                  {m.threadRule && (
                    <>
                      <dt className="text-slate-500 dark:text-slate-400">{t("threadRule.label")}</dt>
                      <dd>{rule(m.threadRule)}</dd>
                    </>
                  )}
                  <dt className="text-slate-500 dark:text-slate-400">{t("attempts")}</dt>
                  <dd>
                    {m.attempts}
                    {m.status === "pending" && m.attempts > 0 && (
                      <span className="block text-xs text-slate-500 dark:text-slate-400">
                        {t("nextAttempt", { when: when(m.nextAttemptAt) })}
                      </span>
                    )}
                  </dd>
                  <dt className="text-slate-500 dark:text-slate-400">{t("size")}</dt>
                  <dd>{t("sizeValue", { kb: Math.max(1, Math.round(m.size / 1024)) })}</dd>
                  {m.ticket && (
                    <>
                      <dt className="text-slate-500 dark:text-slate-400">{t("ticket")}</dt>
                      <dd>
                        <Link
                          href={`/agent/tickets/${m.ticket.reference}`}
                          className="font-mono text-brand-700 underline dark:text-brand-500"
                        >
                          {m.ticket.reference}
                        </Link>
                      </dd>
                    </>
                  )}
                </dl>
                {m.detail && (
                  <div className="flex flex-col gap-1">
                    <p className="text-sm text-slate-500 dark:text-slate-400">{t(m.status === "failed" ? "error" : "detail")}</p>
                    <pre className="max-h-40 overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs break-words whitespace-pre-wrap dark:bg-slate-800">
                      {m.detail}
                    </pre>
                  </div>
                )}
                <div className="flex flex-wrap gap-2">
                  {m.canReprocess && (
                    <button
                      type="button"
                      className={smallButtonClass}
                      aria-label={t("reprocessOf", { subject })}
                      disabled={busy}
                      onClick={() => void act(() => reprocess.mutateAsync({ id: m.id }), t("reprocessed"))}
                    >
                      {t("reprocess")}
                    </button>
                  )}
                  {m.canDiscard && (
                    <button
                      type="button"
                      className={dangerButtonClass}
                      aria-label={t("discardOf", { subject })}
                      disabled={busy}
                      onClick={() => void act(() => discard.mutateAsync({ id: m.id }), t("discarded"))}
                    >
                      {t("discard")}
                    </button>
                  )}
                  {/* A plain link: the route answers with the file (admin session only). */}
                  <a
                    href={`/api/admin/inbound/${m.id}/eml`}
                    download
                    className={smallButtonClass}
                    aria-label={t("downloadOf", { subject })}
                  >
                    {t("download")}
                  </a>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {query.hasNextPage && (
        <button
          type="button"
          onClick={() => void query.fetchNextPage()}
          disabled={query.isFetchingNextPage}
          className="self-center rounded-md border border-slate-300 px-4 py-2 text-sm dark:border-slate-700"
        >
          {t("loadMore")}
        </button>
      )}
    </div>
  );
}
