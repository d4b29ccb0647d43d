// An SLA clock over a ticket's status history: it runs in business time and pauses while the
// ticket waits on the customer or a third party. It explains itself: every segment says whether it
// counted and why.
import { finishedStatuses, type TicketStatus } from "../domain/state-machine";
import { addBusinessMs, businessMsBetween, type BusinessCalendar } from "./business-calendar";

/** Statuses in which every SLA clock stands still. */
export const pausedStatuses: ReadonlySet<TicketStatus> = new Set<TicketStatus>(["pending_customer", "on_hold"]);
/** The resolution clock also stands still while the ticket is resolved or closed (a reopen resumes it). */
export const resolutionPausedStatuses: ReadonlySet<TicketStatus> = new Set<TicketStatus>([...pausedStatuses, ...finishedStatuses]);
export const NEAR_BREACH = 0.8;

export interface StatusSpan {
  status: TicketStatus;
  from: Date;
}

export interface ClockSegment {
  from: Date;
  to: Date;
  status: TicketStatus;
  /** false: the status pauses the clock. A counted segment may still add less than its length:
   * only working hours of the calendar count. */
  counted: boolean;
  businessMs: number;
}

export type ClockState = "running" | "paused" | "near_breach" | "breached" | "met";

export interface ClockReading {
  elapsedMs: number;
  targetMs: number;
  state: ClockState;
  /** The target was reached (met, or breached and then answered): the clock no longer moves. */
  stopped: boolean;
  /** When 80 % of the target is (or was) reached; null while paused before it, or when met. */
  nearAt: Date | null;
  /** When the target breaches if the clock keeps running, or when it breached; null while paused
   * before it, or when met. */
  dueAt: Date | null;
  segments: ClockSegment[];
}

/** The instant at which `ms` of counted business time had passed, if it did within the segments. */
function instantOfElapsed(cal: BusinessCalendar, segments: readonly ClockSegment[], ms: number): Date | null {
  let before = 0;
  for (const s of segments) {
    if (!s.counted) continue;
    if (before + s.businessMs >= ms && s.businessMs > 0) return addBusinessMs(cal, s.from, ms - before);
    before += s.businessMs;
  }
  return null;
}

/** `history`: the status from each change on, oldest first (the first is the creation).
 * `stoppedAt`: when the target was met (first response sent), if it was.
 * `paused`: the statuses that stop this clock. */
export function readClock(
  cal: BusinessCalendar,
  history: readonly StatusSpan[],
  targetMs: number,
  now: Date,
  stoppedAt?: Date | null,
  paused: ReadonlySet<TicketStatus> = pausedStatuses,
): ClockReading {
  const stopped = !!stoppedAt && stoppedAt <= now;
  const end = stopped ? stoppedAt! : now;
  const segments: ClockSegment[] = [];
  history.forEach((span, i) => {
    const to = new Date(Math.min(+(history[i + 1]?.from ?? end), +end));
    if (to <= span.from) return;
    const counted = !paused.has(span.status);
    segments.push({ from: span.from, to, status: span.status, counted, businessMs: counted ? businessMsBetween(cal, span.from, to) : 0 });
  });
  const elapsedMs = segments.reduce((sum, s) => sum + s.businessMs, 0);
  const current = history.at(-1)?.status;
  const isPaused = current !== undefined && paused.has(current);
  const nearMs = NEAR_BREACH * targetMs;
  // Reached marks are instants in the past; future ones exist only while the clock runs.
  const mark = (ms: number) =>
    elapsedMs >= ms ? instantOfElapsed(cal, segments, ms) : !stopped && !isPaused ? addBusinessMs(cal, now, ms - elapsedMs) : null;
  let state: ClockState;
  if (stopped) state = elapsedMs > targetMs ? "breached" : "met";
  else if (elapsedMs >= targetMs) state = "breached";
  else if (isPaused) state = "paused";
  else state = elapsedMs >= nearMs ? "near_breach" : "running";
  if (state === "met") return { elapsedMs, targetMs, state, stopped, nearAt: null, dueAt: null, segments };
  return { elapsedMs, targetMs, state, stopped, nearAt: mark(nearMs), dueAt: mark(targetMs), segments };
}
