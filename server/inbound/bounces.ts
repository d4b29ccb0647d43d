// A delivery-status report about one of Mesa's own mails: the outbox mail and its recipient are
// marked ("el correo rebotó"), for staff to see on the ticket and the person. Never answered.
import type { Tx } from "../db";
import type { DeliveryReport } from "./parse/parsed-mail";

/** Marks what the report names; returns the ticket of the bounced mail, or null when it names
 * nothing Mesa sent. */
export async function recordBounce(tx: Tx, report: DeliveryReport, now: Date): Promise<{ matched: boolean; ticketId: string | null }> {
  const ids = report.originalMessageIds.map((id) => `<${id}>`);
  const sent = ids.length
    ? await tx.outboxMail.findMany({ where: { messageId: { in: ids } }, select: { id: true, toAddress: true, ticketId: true } })
    : [];
  if (!sent.length) return { matched: false, ticketId: null };
  const detail = [report.status, report.diagnostic].filter(Boolean).join(" ").slice(0, 500) || null;
  await tx.outboxMail.updateMany({ where: { id: { in: sent.map((m) => m.id) } }, data: { bouncedAt: now, bounceDetail: detail } });
  const addresses = [...new Set([...sent.map((m) => m.toAddress.toLowerCase()), ...report.failedRecipients])];
  // Only the recipients of the bounced mail: a report cannot mark an arbitrary account.
  const recipients = addresses.filter((a) => sent.some((m) => m.toAddress.toLowerCase() === a));
  await tx.user.updateMany({ where: { email: { in: recipients } }, data: { mailBouncedAt: now, mailBounceDetail: detail } });
  return { matched: true, ticketId: sent.find((m) => m.ticketId)?.ticketId ?? null };
}
