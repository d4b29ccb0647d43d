"use client";
// The queue and the keyboard: the agent queue remembers the order of the tickets it last showed (so
// `j`/`k` on a ticket go to the next/previous one of that list), and `j`/`k` move a highlight over
// its rows, `Enter`/`o` open the highlighted ticket.
import { useEffect, useState } from "react";
import { useRouter } from "../../_i18n/navigation";
import { formatTicketNumber, parseTicketRef } from "../../../server/domain/numbering";
import { useShortcuts } from "./use-shortcuts";
import { currentListQuery, ticketHref } from "../../_lib/back-to-list";

/** sessionStorage key: the references of the last-rendered agent queue, in order. */
export const QUEUE_ORDER_KEY = "mesa.queue.order";

export function readQueueOrder(): string[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(QUEUE_ORDER_KEY) ?? "[]");
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

function writeQueueOrder(references: string[]): void {
  try {
    sessionStorage.setItem(QUEUE_ORDER_KEY, JSON.stringify(references));
  } catch {
    // Storage full or refused (private mode): ticket-to-ticket navigation just does nothing.
  }
}

/** "tk-42" and "TK-000042" are the same ticket; null for anything that is not a ticket number. */
const canonical = (ref: string) => {
  const parsed = parseTicketRef(ref);
  return parsed && "number" in parsed ? formatTicketNumber(parsed.number) : null;
};

/** The ticket `step` places after (1) or before (-1) `reference` in the remembered queue; null when
 * there is none (the end of the list, or a ticket that was not in it). */
export function queueNeighbour(reference: string, step: 1 | -1): string | null {
  const self = canonical(reference);
  if (!self) return null;
  const order = readQueueOrder();
  const index = order.findIndex((r) => canonical(r) === self);
  if (index < 0) return null;
  return order[index + step] ?? null;
}

/** The row a queue reference is rendered in (`data-queue-row` on the row). */
const rowOf = (reference: string) => document.querySelector<HTMLElement>(`[data-queue-row="${CSS.escape(reference)}"]`);

/**
 * For the agent queue's rows (`basePath` set; null elsewhere, e.g. the portal: no shortcuts there).
 * Remembers the order and returns the highlighted reference; the caller marks that row with
 * `data-queue-row={reference}` on every row and `data-active` on the highlighted one.
 */
export function useQueueCursor(references: string[], basePath: string | null, onToggle?: (reference: string) => void): string | null {
  const router = useRouter();
  const [active, setActive] = useState<string | null>(null);
  const [moves, setMoves] = useState(0); // each j/k brings the row back into view and focus, even at an end
  const enabled = basePath !== null;
  const order = JSON.stringify(references);
  useEffect(() => {
    if (enabled) writeQueueOrder(JSON.parse(order) as string[]);
  }, [enabled, order]);

  // A ticket that left the list (taken by someone, live) takes the highlight with it.
  const current = active !== null && references.includes(active) ? active : null;
  const move = (step: 1 | -1) => {
    if (!references.length) return;
    const index = current === null ? -1 : references.indexOf(current);
    const next = index < 0 ? 0 : Math.min(references.length - 1, Math.max(0, index + step));
    setActive(references[next]!);
    setMoves((n) => n + 1);
  };
  const open = () => {
    if (current === null || basePath === null) return false;
    router.push(ticketHref(basePath, current, currentListQuery()));
  };
  useShortcuts(
    enabled
      ? {
          j: () => move(1),
          k: () => move(-1),
          o: open,
          // x: select the highlighted row for a bulk action (or leave it out again).
          x: () => (current !== null && onToggle ? onToggle(current) : false),
          // Enter keeps its usual meaning on any other button or link; on the highlighted row's own
          // link the browser follows it anyway.
          Enter: () => (document.activeElement === document.body || document.activeElement === null ? open() : false),
        }
      : {},
  );

  // The highlighted row comes into view and takes the focus (so a screen reader announces it).
  useEffect(() => {
    if (current === null) return;
    const row = rowOf(current);
    row?.scrollIntoView({ block: "nearest" });
    row?.querySelector<HTMLElement>("a[href]")?.focus({ preventScroll: true });
  }, [current, moves]);

  return current;
}
