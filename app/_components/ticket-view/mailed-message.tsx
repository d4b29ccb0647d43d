"use client";
// What the email channel adds to a ticket page: the quoted history cut from a mailed message, behind
// "Mostrar texto citado" (everyone who sees the message); for staff, the line telling a message came
// by mail and which rule threaded it, and a warning beside a person whose mail bounced. The staff-only
// parts render nothing for a customer: their answer from tickets.get has no such keys.
import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { ThreadMessage, TicketDetail } from "./types";
import { plainSpaces } from "../../_lib/plain-spaces";

/** "Mostrar texto citado": a real toggle button, the quote in a muted preformatted block. */
export function QuotedText({ text }: { text: string }) {
  const t = useTranslations("TicketView.mail");
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="mt-2">
      <button
        type="button"
        className="text-xs text-slate-500 underline hover:text-slate-700 dark:text-slate-400 dark:hover:text-slate-200"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {t(open ? "hideQuoted" : "showQuoted")}
      </button>
      <pre
        id={id}
        hidden={!open}
        data-testid="quoted-text"
        className="mt-1 max-h-96 overflow-auto whitespace-pre-wrap break-words border-l-2 border-slate-300 pl-3 font-sans text-xs text-slate-500 dark:border-slate-700 dark:text-slate-400"
      >
        {text}
      </pre>
    </div>
  );
}

/** Staff: "Recibido por correo · dirección de respuesta del ticket". */
export function ReceivedByMail({ mail }: { mail: NonNullable<ThreadMessage["mail"]> }) {
  const t = useTranslations("TicketView.mail");
  return (
    <p className="mt-2 text-xs text-slate-500 dark:text-slate-400" data-testid="received-by-mail">
      {t("received", { rule: t(`rules.${mail.threadRule ?? "new"}`) })}
    </p>
  );
}

type Reachable = TicketDetail["requester"];

/** Staff: "El correo rebotó" beside a person, the when and why on hover (and for screen readers). */
export function BounceBadge({ person, timeZone }: { person: Reachable; timeZone: string }) {
  const t = useTranslations("TicketView.mail");
  const format = useFormatter();
  const bounce = person.mailBounce;
  if (!bounce) return null;
  const date = plainSpaces(format.dateTime(new Date(bounce.at), { dateStyle: "medium", timeStyle: "short", timeZone }));
  const full = bounce.detail
    ? t("bouncedOn", { name: person.name, date, detail: bounce.detail })
    : t("bouncedOnNoDetail", { name: person.name, date });
  return (
    <span
      title={full}
      data-testid="mail-bounced"
      className="ml-2 inline-flex items-center rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800 dark:bg-red-950 dark:text-red-200"
    >
      <span aria-hidden="true">⚠&nbsp;</span>
      {t("bounced")}
      <span className="sr-only">. {full}</span>
    </span>
  );
}
