"use client";
// The queue's bulk bar: what the agent does to every selected ticket at once — assign (to themself,
// to a chosen agent, or unassign), status, priority, department, add or remove a tag. Each ticket changes as if changed on its own
// page; tickets the agent may not change are listed with the reason, the others still change.
import { useMutation, useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { agentSettableStatuses } from "../../../server/domain/state-machine";
import { priorities } from "../../../server/domain/priority-rules";
import { useTRPC } from "../../_lib/trpc";
import { FormMessage, buttonClass, secondaryButtonClass } from "../field";

type Change = {
  assigneeId?: string | null | "me";
  status?: (typeof agentSettableStatuses)[number];
  priority?: (typeof priorities)[number];
  departmentId?: number;
  addTags?: string[];
  removeTags?: string[];
};

export function BulkBar({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const t = useTranslations("Bulk");
  const tAll = useTranslations();
  const trpc = useTRPC();
  const bulk = useMutation(trpc.tickets.bulk.mutationOptions());
  const agents = useQuery(trpc.queue.agents.queryOptions()).data ?? [];
  const departments = useQuery(trpc.tickets.formOptions.queryOptions()).data?.departments ?? [];
  const [tag, setTag] = useState("");
  const [outcome, setOutcome] = useState<{ changed: number; refused: { ticket: string; message: string }[] } | null>(null);
  const [error, setError] = useState<string>();
  const select =
    "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";

  const run = async (change: Change) => {
    setError(undefined);
    try {
      const result = await bulk.mutateAsync({ tickets: selected, addTags: [], removeTags: [], ...change });
      setOutcome({
        changed: result.changed,
        refused: result.results.flatMap((r) => (r.ok ? [] : [{ ticket: r.ticket, message: r.message }])),
      });
      onDone();
    } catch (e) {
      setError(e instanceof TRPCClientError ? e.message : tAll("Errors.network"));
    }
  };

  return (
    <section
      aria-label={t("title")}
      data-testid="bulk-bar"
      className="sticky top-0 z-20 flex flex-col gap-2 rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm text-slate-900 dark:border-brand-800 dark:bg-slate-900 dark:text-slate-100"
    >
      <p className="font-medium" aria-live="polite">
        {t("selected", { count: selected.length })}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <button type="button" className={buttonClass} disabled={bulk.isPending} onClick={() => void run({ assigneeId: "me" })}>
          {t("assignToMe")}
        </button>
        <button type="button" className={secondaryButtonClass} disabled={bulk.isPending} onClick={() => void run({ assigneeId: null })}>
          {t("unassign")}
        </button>
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t("assignTo")}
          <select
            className={select}
            value=""
            disabled={bulk.isPending}
            onChange={(e) => e.target.value && void run({ assigneeId: e.target.value })}
          >
            <option value="">{t("choose")}</option>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t("status")}
          <select
            className={select}
            value=""
            disabled={bulk.isPending}
            onChange={(e) => e.target.value && void run({ status: e.target.value as Change["status"] })}
          >
            <option value="">{t("choose")}</option>
            {agentSettableStatuses.map((s) => (
              <option key={s} value={s}>
                {tAll(`Statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t("priority")}
          <select
            className={select}
            value=""
            disabled={bulk.isPending}
            onChange={(e) => e.target.value && void run({ priority: e.target.value as Change["priority"] })}
          >
            <option value="">{t("choose")}</option>
            {priorities.map((p) => (
              <option key={p} value={p}>
                {tAll(`Priorities.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t("department")}
          <select
            className={select}
            value=""
            disabled={bulk.isPending}
            onChange={(e) => e.target.value && void run({ departmentId: Number(e.target.value) })}
          >
            <option value="">{t("choose")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          {t("tag")}
          <input
            className={select}
            value={tag}
            maxLength={40}
            onChange={(e) => setTag(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && tag.trim()) {
                e.preventDefault();
                void run({ addTags: [tag.trim()] }).then(() => setTag(""));
              }
            }}
          />
        </label>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={bulk.isPending || !tag.trim()}
          onClick={() => void run({ addTags: [tag.trim()] }).then(() => setTag(""))}
        >
          {t("addTag")}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={bulk.isPending || !tag.trim()}
          onClick={() => void run({ removeTags: [tag.trim()] }).then(() => setTag(""))}
        >
          {t("removeTag")}
        </button>
      </div>
      {error && <FormMessage kind="error">{error}</FormMessage>}
      {outcome && (
        <div>
          <FormMessage kind="success">{t("changed", { count: outcome.changed })}</FormMessage>
          {outcome.refused.length > 0 && (
            <ul className="mt-1 list-disc pl-5 text-red-800 dark:text-red-200">
              {outcome.refused.map((r) => (
                <li key={r.ticket}>{t("refused", { ticket: r.ticket, reason: r.message })}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
