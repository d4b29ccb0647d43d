"use client";
// Support's controls on a ticket: take it, assign it, and change its status, priority or department.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { agentSettableStatuses } from "../../../server/domain/state-machine";
import { priorities } from "../../../server/domain/priority-rules";
import { FormMessage, buttonClass } from "../field";
import { useTRPC } from "../../_lib/trpc";
import type { TicketDetail } from "./types";
import { useTicketAction } from "./use-ticket-action";
import { TicketTags } from "./ticket-tags";

export function StaffControls({
  ticket,
  viewerId,
  assignees,
  departments,
}: {
  ticket: TicketDetail;
  viewerId: string;
  assignees: { id: string; name: string }[];
  departments: { id: number; name: string }[];
}) {
  const t = useTranslations();
  const trpc = useTRPC();
  const action = useTicketAction();
  const take = useMutation(trpc.tickets.take.mutationOptions());
  const assign = useMutation(trpc.tickets.assign.mutationOptions());
  const setStatus = useMutation(trpc.tickets.setStatus.mutationOptions());
  const setPriority = useMutation(trpc.tickets.setPriority.mutationOptions());
  const transfer = useMutation(trpc.tickets.transfer.mutationOptions());
  const select = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";
  const label = "flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-300";
  const statusChoices = [ticket.status, ...agentSettableStatuses.filter((s) => s !== ticket.status)];
  return (
    <section
      className="flex flex-col gap-3 rounded-xl border border-brand-100 bg-brand-50 p-4 dark:border-brand-800 dark:bg-slate-900"
      aria-label={t("Staff.title")}
    >
      {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
      {ticket.assignee?.id !== viewerId && (
        <button
          type="button"
          className={buttonClass}
          disabled={action.busy}
          data-shortcut="take"
          onClick={() => void action.run(() => take.mutateAsync({ ticket: ticket.id }))}
        >
          {t("Staff.take")}
        </button>
      )}
      <label className={label}>
        {t("Staff.assignee")}
        <select
          className={select}
          value={ticket.assignee?.id ?? ""}
          data-testid="ticket-assignee"
          disabled={action.busy}
          onChange={(e) => void action.run(() => assign.mutateAsync({ ticket: ticket.id, assigneeId: e.target.value || null }))}
        >
          <option value="">{t("Staff.unassigned")}</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t("Staff.status")}
        <select
          className={select}
          value={ticket.status}
          disabled={action.busy}
          onChange={(e) =>
            void action.run(() => setStatus.mutateAsync({ ticket: ticket.id, status: e.target.value as TicketDetail["status"] }))
          }
        >
          {statusChoices.map((s) => (
            <option key={s} value={s}>
              {t(`Statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t("Staff.priority")}
        <select
          className={select}
          value={ticket.priority}
          disabled={action.busy}
          onChange={(e) =>
            void action.run(() => setPriority.mutateAsync({ ticket: ticket.id, priority: e.target.value as TicketDetail["priority"] }))
          }
        >
          {priorities.map((p) => (
            <option key={p} value={p}>
              {t(`Priorities.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        {t("Staff.department")}
        <select
          className={select}
          value={ticket.department.id}
          disabled={action.busy}
          onChange={(e) => void action.run(() => transfer.mutateAsync({ ticket: ticket.id, departmentId: Number(e.target.value) }))}
        >
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <TicketTags ticketId={ticket.id} tags={ticket.tags ?? []} />
    </section>
  );
}
