"use client";
// The calls asked for on a ticket. Support sees the number as a click-to-call link, the window on
// its clock and on the customer's, the comment, and marks a call handled with what came of it
// (calls.handle); the customer sees each call's state, and the outcome once handled. The page
// refreshes live when a call is handled (the event reaches it like any change to the ticket).
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { handleCallInput, MAX_CALL_OUTCOME } from "../../../server/trpc/calls/calls.schema";
import { plainSpaces } from "../../_lib/plain-spaces";
import { useTRPC } from "../../_lib/trpc";
import { useFormErrors } from "../../_lib/use-form-errors";
import { FormMessage, buttonClass } from "../field";
import { CallWindowZones } from "./call-window-zones";
import { telHref } from "./tel-href";
import type { TicketDetail } from "./types";
import { useRouter } from "next/navigation";

type Call = TicketDetail["callRequests"][number];

const box = "flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

export function CallRequests({ calls, staff, timeZone }: { calls: Call[]; staff: boolean; timeZone: string }) {
  const t = useTranslations("Calls");
  if (!calls.length) return null;
  return (
    <section className={box} aria-labelledby="call-requests-title" data-testid="call-requests">
      <h2 id="call-requests-title" className="text-sm font-semibold">
        {staff ? t("panelTitle") : t("customerTitle")}
      </h2>
      <ul className="flex flex-col gap-4">
        {calls.map((call) => (
          <li
            key={call.id}
            className="flex flex-col gap-2 border-t border-slate-200 pt-3 first:border-t-0 first:pt-0 dark:border-slate-800"
          >
            {staff ? <StaffCall call={call} timeZone={timeZone} /> : <CustomerCall call={call} timeZone={timeZone} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function State({ call, timeZone }: { call: Call; timeZone: string }) {
  const t = useTranslations("Calls");
  const format = useFormatter();
  if (!call.handledAt)
    return (
      <p className="text-sm" data-testid="call-state">
        <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900 dark:bg-amber-900 dark:text-amber-100">
          {t("pending")}
        </span>
      </p>
    );
  const date = plainSpaces(format.dateTime(new Date(call.handledAt), { dateStyle: "medium", timeStyle: "short", timeZone }));
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="call-state">
      <p>
        <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-semibold text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100">
          {t("handled")}
        </span>{" "}
        <span className="text-slate-600 dark:text-slate-300">{t("handledBy", { name: call.handledBy?.name ?? "—", date })}</span>
      </p>
      <p className="whitespace-pre-wrap" data-testid="call-outcome">
        <span className="font-medium">{t("outcome")}: </span>
        {call.outcome}
      </p>
    </div>
  );
}

function CustomerCall({ call, timeZone }: { call: Call; timeZone: string }) {
  const t = useTranslations("Calls");
  const format = useFormatter();
  const window = plainSpaces(
    format.dateTimeRange(new Date(call.windowStart), new Date(call.windowEnd), { dateStyle: "medium", timeStyle: "short", timeZone }),
  );
  return (
    <>
      <p className="text-sm">{t("customerWindow", { window, phone: call.phone })}</p>
      <State call={call} timeZone={timeZone} />
    </>
  );
}

function StaffCall({ call, timeZone }: { call: Call; timeZone: string }) {
  const t = useTranslations("Calls");
  return (
    <>
      <a
        href={telHref(call.phone)}
        className="self-start text-base font-semibold text-brand-700 underline-offset-2 hover:underline dark:text-brand-500"
        data-testid="call-phone"
      >
        <span aria-hidden>☎ </span>
        {call.phone}
      </a>
      <CallWindowZones start={call.windowStart} end={call.windowEnd} agentZone={timeZone} customerZone={call.requesterTimeZone} />
      <p className="text-sm" data-testid="call-note">
        <span className="text-slate-600 dark:text-slate-300">{t("note")}: </span>
        {call.note ? <span className="whitespace-pre-wrap">{call.note}</span> : <span>{t("noNote")}</span>}
      </p>
      <State call={call} timeZone={timeZone} />
      {!call.handledAt && <HandleForm callId={call.id} />}
    </>
  );
}

function HandleForm({ callId }: { callId: string }) {
  const t = useTranslations("Calls");
  const trpc = useTRPC();
  const router = useRouter();
  const handle = useMutation(trpc.calls.handle.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [outcome, setOutcome] = useState("");
  // The refusal goes away once the outcome is edited.
  const [edited, setEdited] = useState(false);
  const id = `call-outcome-${callId}`;
  const error = edited ? undefined : errors.fields.outcome;
  return (
    <form
      className="flex flex-col gap-2"
      noValidate
      onSubmit={async (e: FormEvent) => {
        e.preventDefault();
        setEdited(false);
        if (await submit(handleCallInput, { callId, outcome }, (input) => handle.mutateAsync(input))) router.refresh();
      }}
    >
      {errors.form && !errors.fields.outcome && <FormMessage kind="error">{errors.form}</FormMessage>}
      <label htmlFor={id} className="text-sm font-medium">
        {t("outcome")}
      </label>
      <textarea
        id={id}
        rows={3}
        maxLength={MAX_CALL_OUTCOME}
        value={outcome}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
        onChange={(e) => {
          setOutcome(e.target.value);
          setEdited(true);
        }}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base aria-[invalid]:border-red-500 dark:border-slate-700 dark:bg-slate-900"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-300">
        {t("outcomeHint")}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <button type="submit" className={buttonClass} disabled={handle.isPending}>
        {t("markHandled")}
      </button>
    </form>
  );
}
