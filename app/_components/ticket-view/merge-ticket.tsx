"use client";
// Support merges a duplicate into the main ticket: type its number, review what will happen (the
// main ticket's subject, read through the visibility rule), confirm. The server decides; a refusal
// comes back translated and the typed number stays.
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Field, FormMessage, buttonClass, secondaryButtonClass } from "../field";
import { useTRPC, useTRPCClient } from "../../_lib/trpc";
import type { TicketDetail } from "./types";
import { useTicketAction } from "./use-ticket-action";

type Target = { id: string; reference: string; subject: string };

export function MergeTicket({ ticket }: { ticket: TicketDetail }) {
  const t = useTranslations("Merge");
  const tErrors = useTranslations("Errors");
  const trpc = useTRPC();
  const client = useTRPCClient();
  const merge = useMutation(trpc.tickets.merge.mutationOptions());
  const action = useTicketAction();
  const [into, setInto] = useState("");
  const [target, setTarget] = useState<Target | null>(null);
  const [lookupError, setLookupError] = useState<string>();
  const [looking, setLooking] = useState(false);

  async function review(event: FormEvent) {
    event.preventDefault();
    setLookupError(undefined);
    setLooking(true);
    try {
      const found = await client.tickets.get.query({ ticket: into.trim() });
      // The server refuses these too; saying so before the confirmation spares a step.
      const refusal =
        found.id === ticket.id
          ? tErrors("mergeIntoItself")
          : found.mergedInto
            ? tErrors("mergeIntoMerged", { reference: found.reference })
            : found.organization?.id !== ticket.organization?.id
              ? tErrors("mergeAcrossOrganizations")
              : found.status === "closed"
                ? tErrors("mergeIntoClosed")
                : null;
      if (refusal) setLookupError(refusal);
      else setTarget({ id: found.id, reference: found.reference, subject: found.subject });
    } catch (e) {
      setLookupError(e instanceof TRPCClientError ? e.message : tErrors("network"));
    } finally {
      setLooking(false);
    }
  }

  return (
    <section
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
      aria-labelledby="merge-title"
      data-testid="merge-ticket"
    >
      <h2 id="merge-title" className="text-base font-semibold">
        {t("title")}
      </h2>
      <p className="text-slate-600 dark:text-slate-300">{t("intro")}</p>
      {target ? (
        <div className="flex flex-col gap-3" role="group" aria-labelledby="merge-confirm-text">
          <p id="merge-confirm-text" data-testid="merge-confirm-text">
            {t("confirmText", { duplicate: ticket.reference, target: target.reference, subject: target.subject })}
          </p>
          {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={buttonClass}
              disabled={action.busy}
              onClick={() => void action.run(() => merge.mutateAsync({ ticket: ticket.id, into: target.id }))}
            >
              {t("confirm")}
            </button>
            <button type="button" className={secondaryButtonClass} disabled={action.busy} onClick={() => setTarget(null)}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <form className="flex flex-col gap-2" onSubmit={review}>
          <Field
            id="merge-into"
            label={t("targetLabel")}
            hint={t("targetHint")}
            error={lookupError}
            value={into}
            onChange={(e) => setInto(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            required
            maxLength={64}
          />
          <button type="submit" className={`${secondaryButtonClass} self-start`} disabled={looking || !into.trim()}>
            {t("review")}
          </button>
        </form>
      )}
    </section>
  );
}
