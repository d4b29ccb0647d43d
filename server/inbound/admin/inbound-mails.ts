// The stored inbound mails as admins see them (Administración › Correo entrante): above all the
// ones that need a person — held (with the reason) and failed (with the error) — with what to do
// about each: reprocess it, put it aside, or download it as it came. Lists never read `raw` (a
// message may be 25 MB): only the columns a row shows. Reprocessing hands the mail back to the
// processor (server/inbound/process*.ts), whose NOTIFY trigger fires on the status update.
import type { Db } from "../../db";
import type { InboundStatus } from "../../db/generated/enums";
import type { Prisma } from "../../db/generated/client";
import { formatTicketNumber } from "../../domain/numbering";
import { AppError } from "../../errors/app-error";

/** The screen's tabs: "attention" is held and failed together (its default). */
export const inboundTabs = ["attention", "held", "failed", "recent", "discarded"] as const;
export type InboundTab = (typeof inboundTabs)[number];

const statusesOf: Record<InboundTab, InboundStatus[] | null> = {
  attention: ["held", "failed"],
  held: ["held"],
  failed: ["failed"],
  recent: null,
  discarded: ["discarded"],
};

/** What a person may do from each status: reprocess what did not end in a message or a ticket,
 * put aside what waits for them. Pending and processed mail is the processor's. */
const reprocessable: InboundStatus[] = ["held", "failed", "discarded"];
const discardable: InboundStatus[] = ["held", "failed"];

/** Error texts can be long (a stack, a server's answer): a row shows their start. */
const MAX_DETAIL = 2_000;

const rowSelect = {
  id: true,
  source: true,
  receivedAt: true,
  fromAddress: true,
  subject: true,
  size: true,
  status: true,
  outcome: true,
  threadRule: true,
  detail: true,
  attempts: true,
  nextAttemptAt: true,
  processedAt: true,
  mailbox: { select: { id: true, name: true } },
  ticket: { select: { id: true, number: true } },
} as const satisfies Prisma.InboundMailSelect;

export interface InboundListInput {
  tab: InboundTab;
  cursor?: string | null;
  limit: number;
}

/** One page, newest first (ties by id, so the cursor is stable). */
export async function listInboundMails(db: Db, input: InboundListInput) {
  const statuses = statusesOf[input.tab];
  const rows = await db.inboundMail.findMany({
    where: statuses ? { status: { in: statuses } } : {},
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    select: rowSelect,
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  return {
    items: page.map(({ ticket, detail, ...mail }) => ({
      ...mail,
      detail: detail && detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL)}…` : detail,
      ticket: ticket ? { id: ticket.id, reference: formatTicketNumber(ticket.number) } : null,
      canReprocess: reprocessable.includes(mail.status),
      canDiscard: discardable.includes(mail.status),
    })),
    nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null,
  };
}

/** How many wait for a person, for the tabs. */
export async function countInboundAttention(db: Db): Promise<{ held: number; failed: number }> {
  const groups = await db.inboundMail.groupBy({ by: ["status"], where: { status: { in: ["held", "failed"] } }, _count: { _all: true } });
  const count = (status: InboundStatus) => groups.find((g) => g.status === status)?._count._all ?? 0;
  return { held: count("held"), failed: count("failed") };
}

/** A status change allowed only from `from`; an unknown id, or one in another status, is not_found
 * (the list was stale: someone else acted on it, or the processor did). */
async function move(db: Db, id: string, from: InboundStatus[], data: Prisma.InboundMailUpdateManyMutationInput): Promise<void> {
  const { count } = await db.inboundMail.updateMany({ where: { id, status: { in: from } }, data });
  if (count === 0) throw new AppError("not_found");
}

/** Back to the processor as if new: pending now, no attempts, no claim, no recorded outcome. */
export async function reprocessInboundMail(db: Db, id: string, now: Date): Promise<void> {
  await move(db, id, reprocessable, {
    status: "pending",
    attempts: 0,
    nextAttemptAt: now,
    claimedUntil: null,
    outcome: null,
    detail: null,
  });
}

/** Put aside by staff: it stays stored (and downloadable), and can be reprocessed later. */
export async function discardInboundMail(db: Db, id: string): Promise<void> {
  await move(db, id, discardable, { status: "discarded", claimedUntil: null });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The mail exactly as it came (for "Descargar .eml"), with a file name for it; not_found for any
 * other id. */
export async function inboundMailRaw(db: Db, id: string): Promise<{ raw: Uint8Array; fileName: string }> {
  if (!UUID.test(id)) throw new AppError("not_found");
  const row = await db.inboundMail.findUnique({ where: { id }, select: { raw: true, receivedAt: true } });
  if (!row) throw new AppError("not_found");
  const stamp = row.receivedAt.toISOString().slice(0, 19).replaceAll(":", "-");
  return { raw: row.raw, fileName: `mail-${stamp}-${id.slice(0, 8)}.eml` };
}
