// An SLA clock over a ticket's status history: it runs in business time and pauses while the
// ticket waits on the customer or a third party. It explains itself: every segment says whether it
// counted and why.
import type { TicketStatus } from "../tickets/state-machine";
import { addBusinessMs, businessMsBetween, type BusinessCalendar } from "./business-calendar";

export const pausedStatuses: ReadonlySet<TicketStatus> = new Set<TicketStatus>(["pending_customer", "on_hold"]);
export const NEAR_BREACH = 0.8;

export interface StatusSpan {
  status: TicketStatus;
  from: Date;
}

export interface ClockSegment {
  from: Date;
  to: Date;
  status: TicketStatus;
  counted: boolean;
  businessMs: number;
}

export interface ClockReading {
  elapsedMs: number;
  targetMs: number;
  state: "running" | "paused" | "near_breach" | "breached" | "met";
  /** When it breaches if it keeps running from now (null while paused or when met). */
  dueAt: Date | null;
  segments: ClockSegment[];
}

/** `history`: the status from each change on, oldest first (the first is the creation).
 * `stoppedAt`: when the target was met (first response sent, ticket resolved), if it was. */
export function readClock(cal: BusinessCalendar, history: readonly StatusSpan[], targetMs: number, now: Date, stoppedAt?: Date | null): ClockReading {
  const end = stoppedAt && stoppedAt < now ? stoppedAt : now;
  const segments: ClockSegment[] = [];
  history.forEach((span, i) => {
    const to = new Date(Math.min(+(history[i + 1]?.from ?? end), +end));
    if (to <= span.from) return;
    const counted = !pausedStatuses.has(span.status);
    segments.push({ from: span.from, to, status: span.status, counted, businessMs: counted ? businessMsBetween(cal, span.from, to) : 0 });
  });
  const elapsedMs = segments.reduce((sum, s) => sum + s.businessMs, 0);
  const current = history.at(-1)?.status;
  const paused = current !== undefined && pausedStatuses.has(current);
  let state: ClockReading["state"];
  if (stoppedAt && stoppedAt <= now) state = elapsedMs > targetMs ? "breached" : "met";
  else if (elapsedMs >= targetMs) state = "breached";
  else if (paused) state = "paused";
  else state = elapsedMs >= NEAR_BREACH * targetMs ? "near_breach" : "running";
  const running = state === "running" || state === "near_breach";
  return { elapsedMs, targetMs, state, dueAt: running ? addBusinessMs(cal, now, targetMs - elapsedMs) : null, segments };
}
