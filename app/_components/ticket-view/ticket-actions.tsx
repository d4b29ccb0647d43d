"use client";
// What a customer does to a ticket besides writing: mute, escalate, ask for a call, close, reopen,
// rate (support sees only mute here). Each is one tRPC call; refusals come back translated. Only what the ticket's `offers` allow
// now is shown (the server's state machine and guards decide them).
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { wallTimeToInstant } from "../../../server/i18n/time-zone";
import { defaultCallWindow } from "./call-window";
import { Field, FormMessage, buttonClass, secondaryButtonClass } from "../field";
import { useTRPC } from "../../_lib/trpc";
import type { TicketDetail } from "./types";
import { useTicketAction } from "./use-ticket-action";

const box = "flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

export function TicketActions({ ticket, phone, timeZone }: { ticket: TicketDetail; phone: string | null; timeZone: string }) {
  const t = useTranslations("TicketView");
  const trpc = useTRPC();
  const action = useTicketAction();
  const mute = useMutation(trpc.tickets.setMuted.mutationOptions());
  const close = useMutation(trpc.tickets.close.mutationOptions());
  const reopen = useMutation(trpc.tickets.reopen.mutationOptions());
  // Support sets any status in its own controls (staff-controls.tsx); these buttons are the customer's.
  const customer = ticket.viewerActor === "partner" || ticket.viewerActor === "org_admin";
  const offers = customer ? ticket.offers : { ...ticket.offers, close: false, reopen: false };
  return (
    <section className={box} aria-label={t("actions")}>
      {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={secondaryButtonClass}
          disabled={action.busy}
          onClick={() => void action.run(() => mute.mutateAsync({ ticket: ticket.id, muted: !ticket.muted }))}
        >
          {ticket.muted ? t("unmute") : t("mute")}
        </button>
        {offers.close && (
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={action.busy}
            onClick={() => void action.run(() => close.mutateAsync({ ticket: ticket.id }))}
          >
            {t("close")}
          </button>
        )}
        {offers.reopen && (
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={action.busy}
            onClick={() => void action.run(() => reopen.mutateAsync({ ticket: ticket.id }))}
          >
            {t("reopen")}
          </button>
        )}
      </div>
      {ticket.muted && <p className="text-xs text-slate-500 dark:text-slate-400">{t("mutedNote")}</p>}
      {offers.escalate && <EscalateForm ticketId={ticket.id} />}
      {offers.requestCall && <CallForm ticket={ticket} phone={phone} timeZone={timeZone} />}
      {offers.rate && <RatingForm ticketId={ticket.id} current={ticket.rating} />}
    </section>
  );
}

function EscalateForm({ ticketId }: { ticketId: string }) {
  const t = useTranslations("TicketView");
  const trpc = useTRPC();
  const escalate = useMutation(trpc.tickets.escalate.mutationOptions());
  const action = useTicketAction();
  const [reason, setReason] = useState("");
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" className={secondaryButtonClass} onClick={() => setOpen(true)}>
        {t("escalate")}
      </button>
    );
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={async (e: FormEvent) => {
        e.preventDefault();
        if (await action.run(() => escalate.mutateAsync({ ticket: ticketId, reason }))) {
          setOpen(false);
          setReason("");
        }
      }}
    >
      {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
      <label htmlFor="escalate-reason" className="text-sm font-medium">
        {t("escalateReason")}
      </label>
      <textarea
        id="escalate-reason"
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
      />
      <button type="submit" className={buttonClass} disabled={action.busy}>
        {t("escalateSubmit")}
      </button>
    </form>
  );
}

function CallForm({ ticket, phone, timeZone }: { ticket: TicketDetail; phone: string | null; timeZone: string }) {
  const t = useTranslations("TicketView");
  const trpc = useTRPC();
  const request = useMutation(trpc.tickets.requestCall.mutationOptions());
  const action = useTicketAction();
  const [open, setOpen] = useState(false);
  // Proposed window: the next working-hours slot on the person's own clock (call-window.ts).
  const [values, setValues] = useState(() => ({ phone: phone ?? "", ...defaultCallWindow(new Date(), timeZone), note: "" }));
  return (
    <div className="flex flex-col gap-2">
      {!open ? (
        <button type="button" className={secondaryButtonClass} onClick={() => setOpen(true)}>
          {t("requestCall")}
        </button>
      ) : (
        <form
          className="flex flex-col gap-2"
          onSubmit={async (e: FormEvent) => {
            e.preventDefault();
            const windowStart = wallTimeToInstant(values.from, timeZone);
            const windowEnd = wallTimeToInstant(values.to, timeZone);
            if (
              await action.run(() =>
                request.mutateAsync({
                  ticket: ticket.id,
                  phone: values.phone,
                  windowStart: windowStart as Date,
                  windowEnd: windowEnd as Date,
                  note: values.note || null,
                }),
              )
            )
              setOpen(false);
          }}
        >
          {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
          <Field
            id="call-phone"
            type="tel"
            label={t("phone")}
            value={values.phone}
            onChange={(e) => setValues({ ...values, phone: e.target.value })}
          />
          <Field
            id="call-from"
            type="datetime-local"
            label={t("from")}
            value={values.from}
            onChange={(e) => setValues({ ...values, from: e.target.value })}
          />
          <Field
            id="call-to"
            type="datetime-local"
            label={t("to")}
            value={values.to}
            onChange={(e) => setValues({ ...values, to: e.target.value })}
          />
          <p className="text-xs text-slate-500 dark:text-slate-400">{t("timeZoneNote", { zone: timeZone })}</p>
          <Field
            id="call-note"
            label={t("callNote")}
            value={values.note}
            onChange={(e) => setValues({ ...values, note: e.target.value })}
          />
          <button type="submit" className={buttonClass} disabled={action.busy}>
            {t("callSubmit")}
          </button>
        </form>
      )}
    </div>
  );
}

function RatingForm({ ticketId, current }: { ticketId: string; current: TicketDetail["rating"] }) {
  const t = useTranslations("TicketView");
  const trpc = useTRPC();
  const rate = useMutation(trpc.tickets.rate.mutationOptions());
  const action = useTicketAction();
  const [stars, setStars] = useState(current?.stars ?? 0);
  const [comment, setComment] = useState(current?.comment ?? "");
  return (
    <form
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => rate.mutateAsync({ ticket: ticketId, stars, comment: comment || null }));
      }}
    >
      <h3 className="text-sm font-semibold">{t("rate")}</h3>
      {current && (
        <p className="text-sm" data-testid="current-rating">
          {t("rated", { stars: current.stars })}
        </p>
      )}
      {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
      <div role="radiogroup" aria-label={t("rate")} className="flex gap-1">
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={stars === n}
            aria-label={t("starLabel", { stars: n })}
            onClick={() => setStars(n)}
            className={`text-2xl ${n <= stars ? "text-amber-500" : "text-slate-300 dark:text-slate-600"}`}
          >
            ★
          </button>
        ))}
      </div>
      <Field id="rate-comment" label={t("rateComment")} value={comment} onChange={(e) => setComment(e.target.value)} />
      <button type="submit" className={buttonClass} disabled={action.busy || stars === 0}>
        {t("rateSubmit")}
      </button>
    </form>
  );
}
