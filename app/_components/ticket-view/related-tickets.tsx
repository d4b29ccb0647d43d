"use client";
// "Tickets relacionados", for support staff: the linked tickets this agent may see (number, subject,
// status, each a link into the workspace), a way to link another by its number and to remove a link.
// The list comes from tickets.links.list with the page; a change re-renders the page.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Link } from "../../_i18n/navigation";
import { FormMessage, secondaryButtonClass } from "../field";
import { StatusBadge } from "../ticket-badges";
import { useTRPC } from "../../_lib/trpc";
import type { TicketDetail } from "./types";
import { useTicketAction } from "./use-ticket-action";

export interface RelatedTicket {
  id: string;
  reference: string;
  subject: string;
  status: TicketDetail["status"];
}

export function RelatedTickets({ ticketId, related }: { ticketId: string; related: RelatedTicket[] }) {
  const t = useTranslations("Merge");
  const trpc = useTRPC();
  const add = useMutation(trpc.tickets.links.add.mutationOptions());
  const remove = useMutation(trpc.tickets.links.remove.mutationOptions());
  const action = useTicketAction();
  const [other, setOther] = useState("");

  async function link(event: FormEvent) {
    event.preventDefault();
    if (await action.run(() => add.mutateAsync({ ticket: ticketId, other: other.trim() }))) setOther("");
  }

  return (
    <section
      aria-labelledby="related-title"
      data-testid="related-tickets"
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id="related-title" className="text-base font-semibold">
        {t("related")}
      </h2>
      {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
      {related.length === 0 ? (
        <p className="text-slate-500 dark:text-slate-400">{t("relatedEmpty")}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-slate-200 dark:divide-slate-800">
          {related.map((r) => (
            <li key={r.id} className="flex items-start justify-between gap-2 py-2" data-testid="related-ticket">
              <Link href={`/agent/tickets/${r.reference}`} className="flex min-w-0 flex-col gap-1 hover:underline">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{r.reference}</span>
                  <StatusBadge status={r.status} testId="related-ticket-status" />
                </span>
                <span className="break-words font-medium">{r.subject}</span>
              </Link>
              <button
                type="button"
                className="shrink-0 text-xs underline"
                aria-label={t("unlinkLabel", { reference: r.reference })}
                disabled={action.busy}
                onClick={() => void action.run(() => remove.mutateAsync({ ticket: ticketId, other: r.id }))}
              >
                {t("unlink")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="flex gap-2" onSubmit={link}>
        <label htmlFor="link-other" className="sr-only">
          {t("linkLabel")}
        </label>
        <input
          id="link-other"
          value={other}
          onChange={(e) => setOther(e.target.value)}
          placeholder="TK-000042"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-base dark:border-slate-700 dark:bg-slate-900"
        />
        <button type="submit" className={secondaryButtonClass} disabled={action.busy || !other.trim()}>
          {t("link")}
        </button>
      </form>
    </section>
  );
}
