// A ticket's two SLA clocks (first response, resolution) read from its status history, its
// priority's targets and its calendar; and the derived deadlines kept on the ticket row so the queue
// can sort and filter by them. Everything here is derived: it can be recomputed at any time.
import type { Db } from "../db";
import type { Prisma } from "../db/generated/client";
import type { SlaClock } from "../db/generated/enums";
import { isFinished, type TicketStatus } from "../domain/state-machine";
import type { Tx } from "../db";
import { calendarFor, toBusinessCalendar, type StoredCalendar } from "./calendars";
import { readClock, resolutionPausedStatuses, type ClockReading, type StatusSpan } from "./sla-clock";

const MINUTE = 60_000;

export interface TicketSla {
  calendar: StoredCalendar;
  clocks: Record<SlaClock, ClockReading>;
  /** The clock that needs attention first (running or breached), with its deadlines. */
  next: { clock: SlaClock; nearAt: Date | null; dueAt: Date | null } | null;
}

const slaTicketSelect = {
  status: true,
  priority: true,
  createdAt: true,
  updatedAt: true,
  firstResponseAt: true,
  organizationId: true,
  departmentId: true,
  events: { where: { kind: "status_changed" }, orderBy: { id: "asc" }, select: { after: true, createdAt: true } },
} as const satisfies Prisma.TicketSelect;
type SlaTicket = Prisma.TicketGetPayload<{ select: typeof slaTicketSelect }>;

const loadTicket = (db: Db | Tx, ticketId: string) => db.ticket.findUnique({ where: { id: ticketId }, select: slaTicketSelect });

export async function readTicketSla(db: Db | Tx, ticketId: string, now: Date): Promise<TicketSla | null> {
  const ticket = await loadTicket(db, ticketId);
  return ticket && slaOf(db, ticket, now);
}

async function slaOf(db: Db | Tx, ticket: SlaTicket, now: Date): Promise<TicketSla | null> {
  const policy = await db.slaPolicy.findUnique({ where: { priority: ticket.priority } });
  if (!policy) return null;
  const stored = await calendarFor(db, ticket);
  const cal = toBusinessCalendar(stored, now);
  const history: StatusSpan[] = [
    { status: "new", from: ticket.createdAt },
    ...ticket.events.map((e) => ({ status: e.after as TicketStatus, from: e.createdAt })),
  ];
  // A resolved or closed ticket has stopped both clocks (a reopen starts them again).
  const finishedAt = isFinished(ticket.status) ? history.at(-1)!.from : null;
  const clocks: Record<SlaClock, ClockReading> = {
    first_response: readClock(
      cal,
      history,
      policy.firstResponseMinutes * MINUTE,
      now,
      ticket.firstResponseAt ?? finishedAt,
      resolutionPausedStatuses,
    ),
    resolution: readClock(cal, history, policy.resolutionMinutes * MINUTE, now, finishedAt, resolutionPausedStatuses),
  };
  const live = (Object.keys(clocks) as SlaClock[])
    .filter((c) => clocks[c].dueAt && !clocks[c].stopped && clocks[c].state !== "paused")
    .sort((a, b) => +clocks[a].dueAt! - +clocks[b].dueAt!);
  const first = live[0];
  return { calendar: stored, clocks, next: first ? { clock: first, nearAt: clocks[first].nearAt, dueAt: clocks[first].dueAt } : null };
}

/** Writes the next deadline on the ticket row (without touching updatedAt). An alert recorded for a
 * clock that has since gone back under 80 % (priority lowered) is forgotten, so it can fire again. */
export async function refreshTicketSla(db: Db | Tx, ticketId: string, now: Date): Promise<TicketSla | null> {
  const ticket = await loadTicket(db, ticketId);
  if (!ticket) return null;
  // Resolved or closed: both clocks stopped, no deadline (their readings are only for tickets.sla).
  const sla = isFinished(ticket.status) ? null : await slaOf(db, ticket, now);
  const below = (c: SlaClock) => sla && (sla.clocks[c].state === "running" || sla.clocks[c].state === "met");
  await db.ticket.updateMany({
    where: { id: ticketId },
    data: {
      updatedAt: ticket.updatedAt,
      slaClock: sla?.next?.clock ?? null,
      slaNearAt: sla?.next?.nearAt ?? null,
      slaDueAt: sla?.next?.dueAt ?? null,
      ...(below("first_response") ? { slaResponseAlert: null } : {}),
      ...(below("resolution") ? { slaResolutionAlert: null } : {}),
    },
  });
  return sla;
}
