// One ticket as its viewer may see it: its data, its thread (internal notes only for support
// staff) with system notes, interested users and the viewer's own settings on it. Of the email
// channel, everyone sees the quoted history cut from a mailed message ("Mostrar texto citado");
// support staff also see which threading rule brought a mail in and whose address bounces — the
// customer's answer does not carry those keys at all.
import { namedSelect } from "../departments/list";
import { localizeDepartmentChanges } from "../events/department-change";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import { dueTransition } from "../lifecycle/ticket-due";
import { lifecyclePolicy, policyFor } from "../lifecycle/policy";
import { offeredActions } from "../domain/offered-actions";
import { alreadyEscalated } from "../domain/guards";
import { findVisibleTicket } from "../access/find-visible";
import { formatTicketNumber } from "../domain/numbering";
import { actorFor, type Viewer } from "../access/visibility";
import { isStaff } from "../access/principal";
import { ticketTags } from "./tags";

// Allow-lists: only what the ticket page shows (server/trpc/tickets/get.schema.ts declares it). Never
// selected: the reply token (a secret of the email channel), the search text, the stored SLA
// deadlines and alerts (support reads the SLA through tickets.sla), sensitive ciphertext, anyone's
// email or profile phone. A column added to a table reaches no one until it is listed here and there.
const person = { select: { id: true, name: true } } as const satisfies Prisma.UserDefaultArgs;
const attachmentFields = { id: true, name: true, size: true, fileType: true } as const satisfies Prisma.AttachmentSelect;
/** The requester and the interested users: whether mail to them bounces is for staff (stripped below). */
const reachablePerson = {
  select: { id: true, name: true, mailBouncedAt: true, mailBounceDetail: true },
} as const satisfies Prisma.UserDefaultArgs;

const ticketDetailSelect = {
  id: true,
  number: true,
  type: true,
  status: true,
  priority: true,
  subject: true,
  channel: true,
  escalatedAt: true,
  createdAt: true,
  updatedAt: true,
  resolvedAt: true,
  closedAt: true,
  /** Not shown: what time will do next counts from it. */
  statusChangedAt: true,
  department: { select: { ...namedSelect, slug: true, sensitiveInfo: true } },
  category: { select: namedSelect },
  organization: { select: { id: true, name: true } },
  requester: reachablePerson,
  assignee: person,
  services: { select: { service: { select: { id: true, name: true } } } },
  watchers: { select: { user: reachablePerson }, orderBy: { createdAt: "asc" } },
  callRequests: {
    orderBy: { createdAt: "desc" },
    take: 5,
    select: {
      id: true,
      phone: true,
      windowStart: true,
      windowEnd: true,
      note: true,
      createdAt: true,
      handledAt: true,
      outcome: true,
      handledBy: person,
      // The zone of the customer who asked, for support to read the window on their clock (stripped below).
      requester: { select: { timeZone: true } },
    },
  },
} as const satisfies Prisma.TicketSelect;

const threadMessageSelect = {
  id: true,
  kind: true,
  body: true,
  createdAt: true,
  editedAt: true,
  /** Not shown: tells whether the message is the viewer's. */
  authorId: true,
  author: { select: { id: true, name: true, role: true } },
  event: { select: { kind: true, before: true, after: true, detail: true } },
  versions: { orderBy: { replacedAt: "asc" }, select: { body: true, replacedAt: true } },
  attachments: { orderBy: { createdAt: "asc" }, select: attachmentFields },
  // Only whether there is one: the text itself comes through tickets.revealSensitive.
  sensitive: { select: { id: true } },
  /** The quoted history and signature cut from a mailed message. */
  quotedText: true,
  // Only the rule that threaded it (staff only, stripped below); never the raw mail or its sender.
  inboundMail: { select: { threadRule: true } },
} as const satisfies Prisma.MessageSelect;

type ThreadRow = Prisma.MessageGetPayload<{ select: typeof threadMessageSelect }>;
const noOffers = { close: false, reopen: false, escalate: false, requestCall: false, rate: false };

/** The thread with the messages and notes of the tickets merged into this one (never their system
 * notes: their history is theirs), each marked with its ticket's number, in time order. */
async function withMergedMessages(db: Db, ticketId: string, own: ThreadRow[], staff: boolean) {
  const merged = await db.ticket.findMany({
    where: { mergedIntoId: ticketId },
    select: {
      number: true,
      messages: { where: { kind: { in: staff ? ["public", "internal"] : ["public"] } }, select: threadMessageSelect },
    },
  });
  const thread = own.map((m) => ({ ...m, mergedFrom: null as string | null }));
  if (!merged.length) return thread;
  const from = merged.flatMap((t) => t.messages.map((m) => ({ ...m, mergedFrom: formatTicketNumber(t.number) })));
  // A stable sort: the thread's own order (events within one instant) stays as it was.
  return [...thread, ...from].sort((a, b) => +a.createdAt - +b.createdAt);
}

const threadRules = ["reply_token", "references", "subject_number"] as const;
export type ThreadRule = (typeof threadRules)[number];
/** null: the mail opened the ticket (no rule matched), or a rule this version does not know. */
const threadRuleOf = (rule: string | null): ThreadRule | null => threadRules.find((r) => r === rule) ?? null;

// A bounce's diagnostic often quotes the address ("550 5.1.1 <ana@example.com>: unknown user"); no
// one's email travels with a ticket, so addresses are blanked and the reason stays.
const EMAIL_IN_TEXT = /[^\s<>()"',;:]+@[^\s<>()"',;:]+/g;
const bounceOf = (u: { mailBouncedAt: Date | null; mailBounceDetail: string | null }) =>
  u.mailBouncedAt ? { at: u.mailBouncedAt, detail: u.mailBounceDetail?.replace(EMAIL_IN_TEXT, "…") ?? null } : null;

/** A person as the viewer sees them: staff also learn whether mail to them bounced (null: it did not). */
function reachable(
  staff: boolean,
  { mailBouncedAt, mailBounceDetail, ...person }: { id: string; name: string; mailBouncedAt: Date | null; mailBounceDetail: string | null },
): { id: string; name: string; mailBounce?: ReturnType<typeof bounceOf> } {
  return staff ? { ...person, mailBounce: bounceOf({ mailBouncedAt, mailBounceDetail }) } : person;
}

/** The last public message by support in the thread (escalation is once until support answers). */
const lastSupportAnswerAt = (messages: { kind: string; createdAt: Date; author: { role: string } | null }[]) =>
  messages.findLast((m) => m.kind === "public" && (m.author?.role === "agent" || m.author?.role === "admin"))?.createdAt ?? null;

export async function getTicket(db: Db, viewer: Viewer, ref: string, locale: AppLocale, now = new Date()) {
  const found = await findVisibleTicket(db, viewer, ref);
  const staff = isStaff(viewer);
  const ticket = await db.ticket.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      ...ticketDetailSelect,
      mutes: { where: { userId: viewer.id }, select: { userId: true } },
      mergedInto: { select: { number: true } },
      ratings: { where: { closeCycle: found.closeCount }, select: { stars: true, comment: true } },
      messages: {
        // Customers see no internal note, nor the system notes of staff-only events (reveals).
        where: staff ? {} : { OR: [{ kind: "public" }, { kind: "system", event: { staffOnly: false } }] },
        // Changes made in one request share their time: their events keep them in order.
        orderBy: [{ createdAt: "asc" }, { eventId: { sort: "asc", nulls: "first" } }, { id: "asc" }],
        select: threadMessageSelect,
      },
    },
  });
  const { mutes, ratings, services, watchers, statusChangedAt, requester, department, category, callRequests, mergedInto, ...rest } =
    ticket;
  const messages = await withMergedMessages(db, ticket.id, ticket.messages, staff);
  // Where the ticket lives, for its policy, its calendar and the viewer's part in it.
  const placement = { departmentId: ticket.department.id, organizationId: ticket.organization?.id ?? null };
  const [automatic, policy] = await Promise.all([
    dueTransition(db, { status: ticket.status, statusChangedAt, ...placement }, now),
    policyFor(db, placement.departmentId),
  ]);
  const viewerActor = actorFor(viewer, placement);
  return {
    ...rest,
    department: {
      id: department.id,
      slug: department.slug,
      sensitiveInfo: department.sensitiveInfo,
      name: localized(department.name, department.nameTranslations, locale),
    },
    category: category && { id: category.id, name: localized(category.name, category.nameTranslations, locale) },
    /** What time alone will do to this ticket next ("Se cerrará automáticamente el …"). */
    automatic: automatic ? { to: automatic.to, at: automatic.at } : null,
    reference: formatTicketNumber(ticket.number),
    requester: reachable(staff, requester),
    services: services.map((s) => s.service),
    watchers: watchers.map((w) => reachable(staff, w.user)),
    callRequests: callRequests.map(({ requester: asker, ...call }) => (staff ? { ...call, requesterTimeZone: asker.timeZone } : call)),
    muted: mutes.length > 0,
    // Tags are support's own labels: a customer's answer has no key for them.
    ...(staff ? { tags: await ticketTags(db, ticket.id) } : {}),
    // The rating of the current close; a reopened ticket starts a new cycle (the old rating stays in the history).
    rating: ticket.status === "closed" && ratings[0] ? { stars: ratings[0].stars, comment: ratings[0].comment } : null,
    viewerActor,
    /** What the viewer may do now (close, reopen, escalate, ask for a call, rate): the page offers only these. */
    // A merged ticket takes nothing more: its conversation goes on in the target.
    offers: mergedInto
      ? noOffers
      : offeredActions(
          ticket.status,
          viewerActor,
          lifecyclePolicy(policy),
          alreadyEscalated({ escalatedAt: ticket.escalatedAt, statusChangedAt }, lastSupportAnswerAt(messages)),
        ),
    /** Merged into another ticket: the page points there. */
    mergedInto: mergedInto && { reference: formatTicketNumber(mergedInto.number) },
    /** A close erased the box and it was not given again: a reopened ticket asks for it (seed 002). */
    sensitiveErased:
      ticket.status !== "closed" &&
      !messages.some((m) => m.sensitive) &&
      (await db.ticketEvent.count({ where: { ticketId: ticket.id, kind: "sensitive_erased" } })) > 0,
    messages: (await localizeDepartmentChanges(db, messages, locale)).map(({ authorId, sensitive, inboundMail, ...m }) => ({
      ...m,
      hasSensitive: !!sensitive,
      mine: authorId === viewer.id,
      // Staff: how a mailed message found this ticket (null: it did not come by mail). Customers: no key.
      ...(staff ? { mail: inboundMail ? { threadRule: threadRuleOf(inboundMail.threadRule) } : null } : {}),
    })),
  };
}
export type TicketDetail = Awaited<ReturnType<typeof getTicket>>;
