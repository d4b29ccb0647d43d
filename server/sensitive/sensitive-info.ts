// Sensitive information (credentials, bank data) given with a message (seed 002, Bloque 4): stored
// sealed, never in the message text, search, lists, exports, mails, socket events or logs; shown
// only to support staff holding view_sensitive, through an explicit reveal that the history
// records; erased (the row deleted) when the ticket closes.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { findVisibleTicket } from "../access/find-visible";
import type { Tx } from "../db";
import { recordEvent, recordEvents } from "../events/record-event";
import { type Viewer } from "../access/visibility";
import { isStaff } from "../access/principal";
import { seal, unseal } from "./cipher";
import { keyring } from "./keyring";

const context = (ticketId: string, messageId: string) => `sensitive:${ticketId}:${messageId}`;

export const canViewSensitive = (viewer: Pick<Viewer, "role" | "permissions">) =>
  viewer.role === "admin" || (isStaff(viewer) && viewer.permissions.includes("view_sensitive"));

/** Seals the text for one message, in the message's transaction; refused where the department
 * does not offer the box. */
export async function storeSensitive(
  tx: Tx,
  ticket: { id: string; departmentId: number },
  messageId: string,
  text: string,
  now: Date,
): Promise<void> {
  const department = await tx.department.findUniqueOrThrow({ where: { id: ticket.departmentId }, select: { sensitiveInfo: true } });
  if (!department.sensitiveInfo) throw new AppError("invalid_input", "sensitiveNotOffered");
  const sealed = seal(text, keyring().current, context(ticket.id, messageId));
  await tx.sensitiveInfo.create({ data: { ticketId: ticket.id, messageId, ...sealed, createdAt: now } });
}

/** The plaintext, for a permitted agent; the reveal is recorded (who, when) in the history. */
export async function revealSensitive(
  db: Db,
  viewer: Viewer,
  input: { ticket: string; messageId: string },
  now: Date,
): Promise<{ text: string; ticketId: string }> {
  if (!canViewSensitive(viewer)) throw new AppError("forbidden", "sensitiveNeedsPermission");
  return db.$transaction(async (tx) => {
    const ticket = await findVisibleTicket(tx, viewer, input.ticket);
    const row = await tx.sensitiveInfo.findFirst({ where: { ticketId: ticket.id, messageId: input.messageId } });
    if (!row) throw new AppError("not_found", "sensitiveGone");
    const text = unseal(row, keyring().all, context(ticket.id, row.messageId));
    await recordEvent(tx, ticket.id, viewer.id, "sensitive_revealed", { detail: row.messageId, staffOnly: true, at: now });
    return { text, ticketId: ticket.id };
  });
}

/** On close: every box of the ticket is deleted, with a system note when there was any. */
export async function eraseSensitive(tx: Tx, ticketId: string, actorId: string | null, now: Date): Promise<void> {
  await eraseSensitiveOf(tx, [ticketId], actorId, now);
}

/** The close of many tickets at once (the automation's batch): the same erasure and events. */
export async function eraseSensitiveOf(tx: Tx, ticketIds: string[], actorId: string | null, now: Date): Promise<void> {
  if (!ticketIds.length) return;
  const erased = await tx.$queryRaw<{ ticketId: string }[]>`
    DELETE FROM "SensitiveInfo" WHERE "ticketId" = ANY(${ticketIds}::uuid[]) RETURNING "ticketId"`;
  const counts = new Map<string, number>();
  for (const { ticketId } of erased) counts.set(ticketId, (counts.get(ticketId) ?? 0) + 1);
  if (!counts.size) return;
  await recordEvents(
    tx,
    [...counts].map(([ticketId, count]) => ({ ticketId, actorId, kind: "sensitive_erased" as const, detail: String(count), at: now })),
  );
}
