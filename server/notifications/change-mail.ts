// "The ticket changed" mail: support assigned, transferred, re-prioritized, re-tagged or moved a
// ticket to a status that has no mail of its own. The ticket's watchers (and a newly assigned agent)
// get ONE mail per change — a change being whatever one transaction did to one ticket — listing
// every line of it in their own language. So a bulk action that assigns and tags a ticket tells each
// watcher once, exactly like the ticket page does when the agent changes one thing.
//
// Someone who already gets a mail of this same change (the "resolved" or "closed" mail of a status
// change) gets nothing more. Staff-only lines (tags) reach staff only; a customer watcher with no
// line to read gets no mail. Muted people, people who turned mail off and the actor get nothing.
import { getConfig } from "../config/env";
import type { Tx } from "../db";
import type { TicketEventKind } from "../db/generated/enums";
import { formatTicketNumber } from "../domain/numbering";
import { renderHtml, renderText } from "../email/layout";
import { mailDomain } from "../email/mailer";
import type { AppLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import { policyFor } from "../lifecycle/policy";
import { threadHeaders } from "./thread-headers";

/** The events a change mail tells of (the others have their own mail or none). */
export const toldInChangeMail: ReadonlySet<TicketEventKind> = new Set<TicketEventKind>([
  "assigned",
  "status_changed",
  "priority_changed",
  "department_changed",
  "tags_changed",
]);

export interface ChangeEvent {
  id: bigint;
  kind: TicketEventKind;
  before: string | null;
  after: string | null;
  staffOnly: boolean;
}

const recipientSelect = { id: true, email: true, name: true, locale: true, timeZone: true, emailNotifications: true, role: true } as const;

/** One line of the mail, in the reader's words (the same sentences as the ticket's history). */
function lineOf(t: ReturnType<typeof translator>, e: ChangeEvent, actor: string): string {
  const none = "—";
  switch (e.kind) {
    case "status_changed":
      return t("Events.status_changed", {
        actor,
        before: e.before ? t(`Statuses.${e.before}`) : none,
        after: e.after ? t(`Statuses.${e.after}`) : none,
      });
    case "priority_changed":
      return t("Events.priority_changed", {
        actor,
        before: e.before ? t(`Priorities.${e.before}`) : none,
        after: e.after ? t(`Priorities.${e.after}`) : none,
      });
    case "assigned":
      return e.after ? t("Events.assigned", { actor, after: e.after }) : t("Events.unassigned", { actor });
    default:
      return t(`Events.${e.kind}`, { actor, before: e.before ?? none, after: e.after ?? none, detail: "" });
  }
}

/** Queues the change mail of these events (one transaction's, on one ticket); returns how many. */
export async function queueChangeMail(tx: Tx, ticketId: string, actorId: string | null, events: ChangeEvent[]): Promise<number> {
  const told = events.filter((e) => toldInChangeMail.has(e.kind));
  if (told.length === 0) return 0;
  const ticket = await tx.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: {
      id: true,
      number: true,
      subject: true,
      departmentId: true,
      replyToken: true,
      assignee: { select: recipientSelect },
      watchers: { select: { user: { select: recipientSelect } } },
      mutes: { select: { userId: true } },
    },
  });
  const policy = await policyFor(tx, ticket.departmentId);
  // The change mail follows the department's switch for support's replies: a department that
  // keeps its customers' mailboxes quiet keeps them quiet about triage too.
  if (!policy.mail.agentReply) return 0;
  const assignedNow = told.some((e) => e.kind === "assigned" && e.after) && ticket.assignee ? [ticket.assignee] : [];
  const people = [...ticket.watchers.map((w) => w.user), ...assignedNow];
  // Whoever this change already mails (a status change's own mail) is not told twice.
  const already = await tx.outboxMail.findMany({
    where: { ticketId, OR: events.map((e) => ({ key: { startsWith: `${e.id}:` } })) },
    select: { toAddress: true },
  });
  const mailed = new Set(already.map((m) => m.toAddress.toLowerCase()));
  const muted = new Set(ticket.mutes.map((m) => m.userId));
  const unique = new Map<string, (typeof people)[number]>();
  for (const p of people) {
    if (muted.has(p.id) || !p.emailNotifications || p.id === actorId || mailed.has(p.email.toLowerCase())) continue;
    unique.set(p.id, p);
  }
  if (!unique.size) return 0;
  const actor = actorId ? await tx.user.findUnique({ where: { id: actorId }, select: { name: true } }) : null;
  const reference = formatTicketNumber(ticket.number);
  const domain = mailDomain();
  const last = told[told.length - 1]!.id;
  const rows = [];
  for (const to of unique.values()) {
    const staff = to.role !== "partner";
    const visible = told.filter((e) => staff || !e.staffOnly);
    if (!visible.length) continue;
    const locale = to.locale as AppLocale;
    const t = translator(locale);
    const name = actor?.name ?? t("TicketView.system");
    const values = { reference, subject: ticket.subject, actor: name };
    const body = {
      greeting: t("Email.greeting", { name: to.name }),
      paragraphs: [t("Bulk.changeMail.intro", values), ...visible.map((e) => lineOf(t, e, name)), t("Email.ticket.replyHint")],
      action: {
        label: t("Email.ticket.action"),
        url: `${getConfig().NEXTAUTH_URL}/${locale}/${staff ? "agent/tickets" : "tickets"}/${reference}`,
      },
      footer: t("Email.ticket.footer"),
    };
    const headers = threadHeaders({ ticketId: ticket.id, replyToken: ticket.replyToken, eventId: last, recipientId: to.id, domain });
    rows.push({
      key: `${last}:${to.id}`,
      ticketId: ticket.id,
      toAddress: to.email,
      subject: t("Bulk.changeMail.subject", values),
      text: renderText(body),
      html: renderHtml(body, locale),
      headers: { ...headers },
      messageId: headers.messageId,
    });
  }
  if (!rows.length) return 0;
  const { count } = await tx.outboxMail.createMany({ data: rows, skipDuplicates: true });
  return count;
}
