// Which ticket a mail answers, by the first rule that finds one, in this order: the ticket's secret
// reply address (reply+<token>@…) in any recipient header; In-Reply-To/References naming a mail Mesa
// sent or received for a ticket; "[TK-000042]" in the subject, which anyone can type, so it counts
// only when the sender may see that ticket. The rule that matched is recorded on the mail.
import type { Db } from "../db";
import { parseTicketRef } from "../domain/numbering";
import type { ParsedMail } from "./parse/parsed-mail";
import { followMerge } from "../tickets/merge";

export type ThreadRule = "reply_token" | "references" | "subject_number";
export interface ThreadMatch {
  ticketId: string;
  rule: ThreadRule;
}

const TOKEN = /^reply\+([0-9a-f]{32})@/i;
const ROOT = /^ticket-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@/i;
const SUBJECT_NUMBER = /\[\s*(TK-\d{1,9})\s*\]/i;

async function byToken(db: Db, mail: ParsedMail): Promise<string | null> {
  for (const address of mail.recipients) {
    const token = TOKEN.exec(address)?.[1];
    if (!token) continue;
    const ticket = await db.ticket.findUnique({ where: { replyToken: token.toLowerCase() }, select: { id: true } });
    if (ticket) return ticket.id;
  }
  return null;
}

/** The ticket of the most recent referenced mail that has one (References lists oldest first). */
async function byReferences(db: Db, mail: ParsedMail): Promise<string | null> {
  const ids = [...new Set([...mail.inReplyTo, ...[...mail.references].reverse()])].slice(0, 100);
  if (!ids.length) return null;
  const bracketed = ids.map((id) => `<${id}>`);
  const [sent, received] = await Promise.all([
    db.outboxMail.findMany({
      where: { messageId: { in: bracketed }, ticketId: { not: null } },
      select: { messageId: true, ticketId: true },
    }),
    db.inboundMail.findMany({ where: { messageId: { in: ids }, ticketId: { not: null } }, select: { messageId: true, ticketId: true } }),
  ]);
  for (const id of ids) {
    const root = ROOT.exec(id)?.[1];
    if (root && (await db.ticket.findUnique({ where: { id: root.toLowerCase() }, select: { id: true } }))) return root.toLowerCase();
    const hit = sent.find((m) => m.messageId === `<${id}>`) ?? received.find((m) => m.messageId === id);
    if (hit?.ticketId) return hit.ticketId;
  }
  return null;
}

async function bySubject(db: Db, mail: ParsedMail, mayWrite: (ticketId: string) => Promise<boolean>): Promise<string | null> {
  const ref = SUBJECT_NUMBER.exec(mail.subject)?.[1];
  const parsed = ref ? parseTicketRef(ref) : null;
  if (!parsed || !("number" in parsed)) return null;
  const ticket = await db.ticket.findUnique({ where: { number: parsed.number }, select: { id: true } });
  return ticket && (await mayWrite(ticket.id)) ? ticket.id : null;
}

/** `mayWrite`: whether the mail's sender may see the ticket (the subject rule needs it). A mail
 * answering a ticket merged into another goes to that other one. */
export async function findThread(db: Db, mail: ParsedMail, mayWrite: (ticketId: string) => Promise<boolean>): Promise<ThreadMatch | null> {
  const match = await matchThread(db, mail, mayWrite);
  return match && { ...match, ticketId: await followMerge(db, match.ticketId) };
}

async function matchThread(db: Db, mail: ParsedMail, mayWrite: (ticketId: string) => Promise<boolean>): Promise<ThreadMatch | null> {
  const token = await byToken(db, mail);
  if (token) return { ticketId: token, rule: "reply_token" };
  const referenced = await byReferences(db, mail);
  if (referenced) return { ticketId: referenced, rule: "references" };
  const numbered = await bySubject(db, mail, mayWrite);
  return numbered ? { ticketId: numbered, rule: "subject_number" } : null;
}

/** Whether the mail names one of Mesa's refusals (an answer to "tickets are not opened by mail"). */
export async function answersRefusal(db: Db, mail: ParsedMail): Promise<boolean> {
  const ids = [...mail.inReplyTo, ...mail.references].map((id) => `<${id}>`);
  if (!ids.length) return false;
  return (await db.outboxMail.count({ where: { messageId: { in: ids }, key: { startsWith: "refusal:" } } })) > 0;
}

/** Mesa's own mail coming back (a copy, a forward to the intake address, a misconfigured loop). */
export async function isOwnMail(db: Db, mail: ParsedMail, domain: string): Promise<boolean> {
  if (!mail.messageId) return false;
  const id = mail.messageId.toLowerCase();
  if (id.endsWith(`@${domain.toLowerCase()}`) && /^(event|ticket|account|refusal)-/.test(id)) return true;
  return (await db.outboxMail.count({ where: { messageId: `<${mail.messageId}>` } })) > 0;
}
