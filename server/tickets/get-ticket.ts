// One ticket as its viewer may see it: its data, its thread (internal notes only for support
// staff) with system notes, interested users and the viewer's own settings on it.
import type { Db } from "../db";
import { dueTransition } from "../lifecycle/ticket-due";
import { findVisibleTicket } from "../access/find-visible";
import { formatTicketNumber } from "../domain/numbering";
import { actorFor, type Viewer } from "../access/visibility";
import { isStaff } from "../access/principal";

const person = { select: { id: true, name: true, email: true } } as const;
const attachmentFields = { id: true, name: true, size: true, fileType: true } as const;

export async function getTicket(db: Db, viewer: Viewer, ref: string, now = new Date()) {
  const found = await findVisibleTicket(db, viewer, ref);
  const staff = isStaff(viewer);
  const ticket = await db.ticket.findUniqueOrThrow({
    where: { id: found.id },
    include: {
      department: { select: { id: true, name: true, sensitiveInfo: true } },
      category: { select: { id: true, name: true } },
      organization: { select: { id: true, name: true } },
      requester: person,
      assignee: person,
      services: { include: { service: { select: { id: true, name: true } } } },
      watchers: { include: { user: person }, orderBy: { createdAt: "asc" } },
      mutes: { where: { userId: viewer.id } },
      ratings: { where: { closeCycle: found.closeCount } },
      callRequests: { orderBy: { createdAt: "desc" }, take: 5 },
      messages: {
        // Customers see no internal note, nor the system notes of staff-only events (reveals).
        where: staff ? {} : { OR: [{ kind: "public" }, { kind: "system", event: { staffOnly: false } }] },
        // Changes made in one request share their time: their events keep them in order.
        orderBy: [{ createdAt: "asc" }, { eventId: { sort: "asc", nulls: "first" } }, { id: "asc" }],
        include: {
          author: { select: { id: true, name: true, role: true } },
          event: { select: { kind: true, before: true, after: true, detail: true } },
          versions: { orderBy: { replacedAt: "asc" }, select: { body: true, replacedAt: true } },
          attachments: { orderBy: { createdAt: "asc" }, select: attachmentFields },
          // Only whether there is one: the text itself comes through tickets.revealSensitive.
          sensitive: { select: { id: true } },
        },
      },
    },
  });
  // Never to the browser: the reply token (a secret of the email channel), the search text and the
  // stored SLA deadlines (support reads those through tickets.sla).
  const { mutes, ratings, services, watchers, messages, replyToken: _token, searchText: _search, slaClock: _c, slaNearAt: _n, slaDueAt: _d, slaResponseAlert: _r, slaResolutionAlert: _a, ...rest } = ticket;
  const automatic = await dueTransition(db, ticket, now);
  return {
    ...rest,
    /** What time alone will do to this ticket next ("Se cerrará automáticamente el …"). */
    automatic: automatic && { to: automatic.to, at: automatic.at },
    reference: formatTicketNumber(ticket.number),
    services: services.map((s) => s.service),
    watchers: watchers.map((w) => w.user),
    muted: mutes.length > 0,
    // The rating of the current close; a reopened ticket starts a new cycle (the old rating stays in the history).
    rating: ticket.status === "closed" && ratings[0] ? { stars: ratings[0].stars, comment: ratings[0].comment } : null,
    viewerActor: actorFor(viewer, ticket),
    /** A close erased the box and it was not given again: a reopened ticket asks for it (seed 002). */
    sensitiveErased: ticket.status !== "closed" && !messages.some((m) => m.sensitive)
      && (await db.ticketEvent.count({ where: { ticketId: ticket.id, kind: "sensitive_erased" } })) > 0,
    messages: messages.map(({ event, versions, sensitive, ...m }) => ({
      ...m,
      hasSensitive: !!sensitive,
      event: event && { ...event },
      versions,
      mine: m.authorId === viewer.id,
    })),
  };
}
export type TicketDetail = Awaited<ReturnType<typeof getTicket>>;
