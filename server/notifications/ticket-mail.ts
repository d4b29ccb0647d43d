// Notification emails about a ticket, written to the outbox in the same transaction as the change
// they tell of. Each recipient gets the mail in their own profile language and time zone; muted
// people and people who turned mail off get nothing; the person who acted is not told of their own
// action (except the confirmation of a ticket they created). The outbox key (event, recipient)
// makes a second copy impossible.
import { getConfig } from "../config/env";
import type { Locale } from "../db/generated/enums";
import { mailDomain } from "../email/mailer";
import { renderHtml, renderText } from "../email/layout";
import { dateFormat } from "../i18n/date-format";
import { translator } from "../i18n/translate";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import { namedSelect } from "../departments/list";
import { formatTicketNumber } from "../domain/numbering";
import type { Tx } from "../db";
import type { Prisma } from "../db/generated/client";
import { policyFor, type Policy } from "../lifecycle/policy";
import { threadHeaders } from "./thread-headers";
import { departmentAgentsWhere } from "../access/staff";

export type TicketMailKind =
  "created" | "escalated" | "resolved" | "closed" | "agent_reply" | "auto_resolved" | "auto_closed" | "merged_into" | "merged_from";

/** The policy's switch for each kind; a merge is always told (the customer's ticket moves). */
const switchOf: Record<TicketMailKind, keyof Policy["mail"] | null> = {
  created: "created",
  escalated: "escalated",
  resolved: "resolved",
  closed: "closed",
  agent_reply: "agentReply",
  auto_resolved: "autoResolved",
  auto_closed: "closed",
  merged_into: null,
  merged_from: null,
};

interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  timeZone: string;
  emailNotifications: boolean;
  role: string;
}
const recipientSelect = { id: true, email: true, name: true, locale: true, timeZone: true, emailNotifications: true, role: true } as const;

export interface TicketMailInput {
  ticketId: string;
  eventId: bigint;
  kind: TicketMailKind;
  actorId: string | null;
  /** The reply's text (agent_reply), the escalation reason (escalated). */
  text?: string;
  /** Names of the files the message carries (created, agent_reply): the mail lists them; the files
   * themselves stay behind the authorized download. */
  files?: string[];
  /** Files of a mailed message that were not kept (created): the confirmation names them. */
  refusedFiles?: string[];
  /** Automatic transitions: after how many days, of which kind. */
  days?: number;
  unit?: "calendar" | "business";
  /** For resolved tickets: when they close by themselves. */
  closesAt?: Date | null;
  /** The department's policy when the caller has it already (the tick). */
  policy?: Policy;
  /** A merge: the other ticket (merged_into: the target; merged_from: the duplicate). */
  other?: { number: number; subject: string };
  /** People told already by another mail of the same change (a merge's other side). */
  exclude?: string[];
}

type Named = { name: string; nameTranslations: unknown };
/** "Departamento: Soporte Técnico · Categoría: Correo", in the recipient's language. */
function placementLine(t: ReturnType<typeof translator>, ticket: { department: Named; category: Named | null }, locale: AppLocale): string {
  const department = localized(ticket.department.name, ticket.department.nameTranslations, locale);
  return ticket.category
    ? t("Email.ticket.placementWithCategory", {
        department,
        category: localized(ticket.category.name, ticket.category.nameTranslations, locale),
      })
    : t("Email.ticket.placement", { department });
}

const mailTicketSelect = {
  id: true,
  number: true,
  subject: true,
  departmentId: true,
  department: { select: namedSelect },
  category: { select: namedSelect },
  replyToken: true,
  requester: { select: recipientSelect },
  watchers: { select: { user: { select: recipientSelect } } },
  mutes: { select: { userId: true } },
} as const;
type MailTicket = Prisma.TicketGetPayload<{ select: typeof mailTicketSelect }>;

/** Queues the mails; returns how many. */
export async function queueTicketMail(tx: Tx, input: TicketMailInput): Promise<number> {
  return queueTicketMails(tx, [input]);
}

/** Queues the mails of many changes at once (the automation's batch): the tickets, their people and
 * the actors are read in three statements and the mails written in one, whatever the batch's size. */
export async function queueTicketMails(tx: Tx, inputs: TicketMailInput[]): Promise<number> {
  if (!inputs.length) return 0;
  const ids = [...new Set(inputs.map((i) => i.ticketId))];
  const tickets = new Map((await tx.ticket.findMany({ where: { id: { in: ids } }, select: mailTicketSelect })).map((t) => [t.id, t]));
  const actorIds = [...new Set(inputs.flatMap((i) => (i.actorId ? [i.actorId] : [])))];
  const actors = new Map(
    actorIds.length
      ? (await tx.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name])
      : [],
  );
  const rows: Prisma.OutboxMailCreateManyInput[] = [];
  for (const input of inputs) {
    const ticket = tickets.get(input.ticketId);
    if (!ticket) throw new Error(`queueTicketMails: no ticket ${input.ticketId}`);
    const policy = input.policy ?? (await policyFor(tx, ticket.departmentId));
    const mailSwitch = switchOf[input.kind];
    if (mailSwitch && !policy.mail[mailSwitch]) continue;
    rows.push(
      ...mailRows(ticket, input, await recipientsOf(tx, ticket, input), input.actorId ? (actors.get(input.actorId) ?? null) : null),
    );
  }
  if (!rows.length) return 0;
  const { count } = await tx.outboxMail.createMany({ data: rows, skipDuplicates: true });
  return count;
}

/** Who is told: the requester and the watchers (the department's agents for an escalation), less the
 * muted, those who turned mail off, the excluded and the actor (but for a created ticket's confirmation). */
async function recipientsOf(tx: Tx, ticket: MailTicket, input: TicketMailInput): Promise<Recipient[]> {
  let people: Recipient[];
  if (input.kind === "escalated") {
    const agents = await tx.user.findMany({ where: departmentAgentsWhere(ticket.departmentId), select: recipientSelect });
    people = agents.length ? agents : await tx.user.findMany({ where: { role: "admin" }, select: recipientSelect });
  } else {
    people = [ticket.requester, ...ticket.watchers.map((w) => w.user)];
  }
  const muted = new Set(ticket.mutes.map((m) => m.userId));
  const unique = new Map<string, Recipient>();
  for (const p of people) {
    if (muted.has(p.id) || !p.emailNotifications || input.exclude?.includes(p.id)) continue;
    if (p.id === input.actorId && input.kind !== "created") continue;
    unique.set(p.id, p);
  }
  return [...unique.values()];
}

/** Each recipient's mail, in their language and time zone. */
function mailRows(
  ticket: MailTicket,
  input: TicketMailInput,
  recipients: Recipient[],
  actorName: string | null,
): Prisma.OutboxMailCreateManyInput[] {
  if (!recipients.length) return [];
  const reference = formatTicketNumber(ticket.number);
  const domain = mailDomain();
  return recipients.map((to) => {
    const t = translator(to.locale);
    const date = (d: Date) => dateFormat(to.locale, { dateStyle: "long", timeStyle: "short", timeZone: to.timeZone }).format(d);
    const values = {
      reference,
      subject: ticket.subject,
      actor: actorName ?? t("TicketView.system"),
      days: input.days ?? 0,
      unit: input.unit ?? "calendar",
      date: input.closesAt ? date(input.closesAt) : "",
      other: input.other ? formatTicketNumber(input.other.number) : "",
      otherSubject: input.other?.subject ?? "",
    };
    const k = input.kind === "escalated" ? "Email.escalated" : `Email.ticket.${input.kind}`;
    const paragraphs =
      input.kind === "escalated"
        ? [t("Email.escalated.intro", { reference, subject: ticket.subject, name: values.actor }), input.text ?? ""]
        : [
            t(`${k}.intro`, values),
            ...(input.kind === "created" ? [placementLine(t, ticket, to.locale)] : []),
            ...(input.text ? [input.text] : []),
            // The whole sentence agrees with the number of files ("Descárgalo" / "Descárgalos").
            ...(input.files?.length
              ? [t("Email.ticket.files", { count: input.files.length, names: new Intl.ListFormat(to.locale).format(input.files) })]
              : []),
            ...(input.refusedFiles?.length
              ? [t("Email.ticket.refusedFiles", { count: input.refusedFiles.length, names: input.refusedFiles.join("; ") })]
              : []),
            ...(input.closesAt ? [t("Email.ticket.closesOn", values)] : []),
            t("Email.ticket.replyHint"),
          ];
    const staff = to.role !== "partner";
    const body = {
      greeting: t("Email.greeting", { name: to.name }),
      paragraphs,
      action: {
        label: t("Email.ticket.action"),
        // A merged ticket's conversation goes on in the target: the button opens it.
        url: `${getConfig().NEXTAUTH_URL}/${to.locale}/${staff ? "agent/tickets" : "tickets"}/${input.kind === "merged_into" ? values.other : reference}`,
      },
      footer: t("Email.ticket.footer"),
    };
    const headers = threadHeaders({
      ticketId: ticket.id,
      replyToken: ticket.replyToken,
      eventId: input.eventId,
      recipientId: to.id,
      domain,
    });
    return {
      key: `${input.eventId}:${to.id}`,
      ticketId: ticket.id,
      toAddress: to.email,
      subject: t(`${k}.subject`, values),
      text: renderText(body),
      html: renderHtml(body, to.locale),
      headers: { ...headers },
      messageId: headers.messageId,
    };
  });
}
