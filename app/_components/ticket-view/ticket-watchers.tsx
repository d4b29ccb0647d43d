"use client";
// Interested users: people of the ticket's organization who follow it.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage, secondaryButtonClass } from "../field";
import { useTRPC } from "../../_lib/trpc";
import { BounceBadge } from "./mailed-message";
import type { TicketDetail } from "./types";
import { useTicketAction } from "./use-ticket-action";

export function TicketWatchers({
  ticket,
  members,
  timeZone,
}: {
  ticket: TicketDetail;
  members: { id: string; name: string }[];
  timeZone: string;
}) {
  const t = useTranslations("TicketView");
  const trpc = useTRPC();
  const add = useMutation(trpc.tickets.addWatcher.mutationOptions());
  const remove = useMutation(trpc.tickets.removeWatcher.mutationOptions());
  const action = useTicketAction();
  const candidates = members.filter((m) => m.id !== ticket.requester.id && !ticket.watchers.some((w) => w.id === m.id));
  const [pick, setPick] = useState("");
  return (
    <section
      className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
      aria-labelledby="watchers-title"
    >
      <h2 id="watchers-title" className="text-sm font-semibold">
        {t("watchers")}
      </h2>
      {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
      {ticket.watchers.length === 0 && <p className="text-sm text-slate-500 dark:text-slate-400">{t("noWatchers")}</p>}
      <ul className="flex flex-col gap-1" data-testid="watcher-list">
        {ticket.watchers.map((w) => (
          <li key={w.id} className="flex items-center justify-between gap-2 text-sm">
            <span>
              {w.name}
              <BounceBadge person={w} timeZone={timeZone} />
            </span>
            <button
              type="button"
              className="text-xs underline"
              aria-label={`${t("removeWatcher")} ${w.name}`}
              disabled={action.busy}
              onClick={() => void action.run(() => remove.mutateAsync({ ticket: ticket.id, userId: w.id }))}
            >
              {t("removeWatcher")}
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 && ticket.status !== "closed" && (
        <div className="flex gap-2">
          <label htmlFor="add-watcher" className="sr-only">
            {t("watchers")}
          </label>
          <select
            id="add-watcher"
            value={pick}
            onChange={(e) => setPick(e.target.value)}
            className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="">—</option>
            {candidates.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={!pick || action.busy}
            onClick={() =>
              void action.run(async () => {
                await add.mutateAsync({ ticket: ticket.id, userId: pick });
                setPick("");
              })
            }
          >
            {t("addWatcher")}
          </button>
        </div>
      )}
    </section>
  );
}
