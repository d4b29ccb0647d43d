// One stored mail, from its raw bytes to what it becomes: a reply in its ticket's thread, a new
// ticket, a refusal, a bounce mark, a note, or a mail held for staff with its reason. Every path ends
// in `finish`, which marks the mail in the same transaction as what it wrote (through the ticket
// use-cases' `alongWith`), guarded by the processor's claim: a crash before the commit leaves the
// mail pending and nothing written; a second processor finds it done. The same use-cases as the panel
// do the work, with the sender as the principal: no rule is written here a second time.
import type { Db, Tx } from "../db";
import { loadPrincipal, type Principal } from "../access/principal";
import { visibleTicketsWhere } from "../access/visibility";
import { isFinished } from "../domain/state-machine";
import { formatTicketNumber } from "../domain/numbering";
import { MAX_BODY, MAX_SUBJECT } from "../validation/fields";
import { mailDomain } from "../email/mailer";
import { recordEvent } from "../events/record-event";
import { defaultLocale, isLocale, type AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import { translator } from "../i18n/translate";
import { createTicket } from "../tickets/create-ticket";
import { replyToTicket } from "../tickets/reply";
import { changeStatus } from "../tickets/change-status";
import { findOrCreatePasswordless } from "../users/passwordless-account";
import { recordBounce } from "./bounces";
import { admitAnyone, admitKnownContact, intakeFor, type Admitted, type Intake } from "./intake";
import { keepMailFiles } from "./mail-files";
import type { HeldOutcome, ProcessedOutcome } from "./outcomes";
import { parseMail } from "./parse/parse-mail";
import type { ParsedMail } from "./parse/parsed-mail";
import { queueRefusal, type RefusalReason } from "./refusal-mail";
import { answersRefusal, findThread, isOwnMail, type ThreadMatch } from "./thread";

export interface StoredMail {
  id: string;
  raw: Uint8Array;
  messageKey: string;
}

export interface Result {
  status: "processed" | "held";
  outcome: ProcessedOutcome | HeldOutcome;
  ticketId?: string | null;
  threadRule?: ThreadMatch["rule"] | null;
  detail?: string | null;
}

/** The mail was finished by another processor (its claim had expired): nothing of this run counts. */
export class ClaimLost extends Error {
  override name = "ClaimLost";
}

/** Marks the mail with its result, if this processor still holds it. */
async function finish(tx: Tx | Db, mail: StoredMail, parsed: ParsedMail | null, result: Result, now: Date, messageId?: string) {
  const { count } = await tx.inboundMail.updateMany({
    where: { id: mail.id, status: "pending" },
    data: {
      status: result.status,
      outcome: result.outcome,
      ticketId: result.ticketId ?? null,
      threadRule: result.threadRule ?? null,
      detail: result.detail?.slice(0, 2000) ?? null,
      ...(parsed ? { fromAddress: parsed.from?.address.slice(0, 320) ?? null, subject: parsed.subject.slice(0, 500) } : {}),
      // The copy that counted holds the message's key; a second copy does not (the key is unique).
      acceptedKey: result.outcome === "duplicate" ? null : mail.messageKey,
      processedAt: now,
      claimedUntil: null,
    },
  });
  if (count !== 1) throw new ClaimLost();
  if (messageId) await tx.message.update({ where: { id: messageId }, data: { inboundMailId: mail.id } });
}

const baseLocale = (tag: string | null): AppLocale => {
  const base = tag?.split("-")[0] ?? "";
  return isLocale(base) ? base : defaultLocale;
};

/** Body and subject within the limits the panel has; the raw mail keeps the rest. */
function texts(parsed: ParsedMail, locale: AppLocale, hasFiles: boolean) {
  const t = translator(locale);
  const subject = parsed.subject.trim() || t("Inbound.noSubject");
  let body = parsed.body.trim() || t(hasFiles ? "Inbound.onlyFiles" : "Inbound.emptyBody");
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY - 200)}\n\n${t("Inbound.truncated")}`;
  return { subject: subject.length > MAX_SUBJECT ? `${subject.slice(0, MAX_SUBJECT - 1)}…` : subject, body };
}

async function mayWrite(db: Db, sender: Principal | null, ticketId: string): Promise<boolean> {
  if (!sender) return false;
  return (await db.ticket.count({ where: { AND: [visibleTicketsWhere(sender), { id: ticketId }] } })) > 0;
}

async function senderOf(db: Db, parsed: ParsedMail): Promise<Principal | null> {
  const address = parsed.from?.address;
  if (!address) return null;
  const user = await db.user.findUnique({ where: { email: address }, select: { id: true } });
  return user ? loadPrincipal(db, user.id, { kind: "mail", address }) : null;
}

/** Into an existing thread: the sender must be someone who may see the ticket. */
async function intoThread(db: Db, mail: StoredMail, parsed: ParsedMail, sender: Principal | null, match: ThreadMatch, now: Date) {
  const base = { ticketId: match.ticketId, threadRule: match.rule };
  if (parsed.automatic || parsed.autoReply) {
    if (!parsed.autoReply) return finish(db, mail, parsed, { status: "processed", outcome: "automatic_ignored", ...base }, now);
    // An out-of-office never reaches the thread the customer sees: at most a note for staff.
    return db.$transaction(async (tx) => {
      await recordEvent(tx, match.ticketId, null, "auto_reply_received", { detail: parsed.from?.address ?? "?", staffOnly: true, at: now });
      await finish(tx, mail, parsed, { status: "processed", outcome: "auto_reply_noted", ...base }, now);
    });
  }
  if (!sender || !(await mayWrite(db, sender, match.ticketId))) {
    return finish(db, mail, parsed, { status: "held", outcome: "sender_not_allowed", ...base, detail: parsed.from?.address ?? null }, now);
  }
  const ticket = await db.ticket.findUniqueOrThrow({
    where: { id: match.ticketId },
    select: {
      id: true,
      number: true,
      status: true,
      departmentId: true,
      organizationId: true,
      department: { select: { closedReply: true } },
    },
  });
  if (ticket.status === "closed" && ticket.department.closedReply === "new_ticket") {
    const t = translator(sender.locale);
    const intake: Intake = {
      address: "",
      departmentId: ticket.departmentId,
      departmentName: "",
      departmentTranslations: {},
      categoryId: null,
      policy: "anyone",
    };
    const organizationId = sender.organizations.some((o) => o.id === ticket.organizationId) ? ticket.organizationId : null;
    const followUp = `${t("Inbound.followsClosed", { reference: formatTicketNumber(ticket.number) })}\n\n`;
    return openTicket(db, mail, parsed, sender, intake, { allowed: true, organizationId, categoryId: null }, now, {
      ...base,
      prefix: followUp,
    });
  }
  // Seed 001: a reply reopens the work. A closed ticket reopens first (the default policy), keeping its history.
  if (ticket.status === "closed") await changeStatus(db, sender, ticket.id, { kind: "reopen" }, now);
  const files = await keepMailFiles(db, sender, parsed.files, { ticket: ticket.id }, now);
  const { body } = texts(parsed, sender.locale, files.attachmentIds.length > 0);
  await replyToTicket(
    db,
    sender,
    {
      ticket: ticket.id,
      channel: "email",
      body,
      visibility: "public",
      attachmentIds: files.attachmentIds,
      sensitive: null,
      quoted: parsed.quoted,
      refusedFiles: files.refused,
    },
    now,
    (tx, written) =>
      finish(
        tx,
        mail,
        parsed,
        { status: "processed", outcome: "reply_added", ...base, detail: isFinished(ticket.status) ? ticket.status : null },
        now,
        written.messageId,
      ),
  );
}

async function openTicket(
  db: Db,
  mail: StoredMail,
  parsed: ParsedMail,
  sender: Principal,
  intake: Intake,
  admission: Admitted,
  now: Date,
  extra: { threadRule?: ThreadMatch["rule"] | null; prefix?: string } = {},
) {
  const files = await keepMailFiles(db, sender, parsed.files, { organizationId: admission.organizationId }, now);
  const { subject, body } = texts(parsed, sender.locale, files.attachmentIds.length > 0);
  await createTicket(
    db,
    sender,
    {
      channel: "email",
      type: "incident",
      departmentId: intake.departmentId,
      categoryId: admission.categoryId,
      organizationId: admission.organizationId,
      serviceIds: [],
      watcherIds: [],
      subject,
      body: `${extra.prefix ?? ""}${body}`,
      requestedPriority: null,
      attachmentIds: files.attachmentIds,
      sensitive: null,
      quoted: parsed.quoted,
      refusedFiles: files.refused,
    },
    now,
    (tx, written) =>
      finish(
        tx,
        mail,
        parsed,
        { status: "processed", outcome: "ticket_created", ticketId: written.ticketId, threadRule: extra.threadRule ?? null },
        now,
        written.messageId,
      ),
  );
}

async function refuse(
  db: Db,
  mail: StoredMail,
  parsed: ParsedMail,
  sender: Principal | null,
  intake: Intake,
  reason: RefusalReason,
  now: Date,
) {
  const from = parsed.from!;
  const to = sender
    ? { email: sender.email, name: sender.name, locale: sender.locale }
    : { email: from.address, name: from.name, locale: baseLocale(parsed.contentLanguage) };
  await db.$transaction(async (tx) => {
    const sent = await queueRefusal(
      tx,
      {
        inboundMailId: mail.id,
        to,
        reason,
        department: localized(intake.departmentName, intake.departmentTranslations, to.locale),
        subject: parsed.subject,
        messageId: parsed.messageId,
      },
      now,
    );
    const outcome = !sent ? "refused_quietly" : reason === "intake_off" ? "refused_intake_off" : "refused_not_contact";
    await finish(tx, mail, parsed, { status: "processed", outcome, detail: intake.address }, now);
  });
}

/** A mail no thread claimed: a new ticket through an intake address, under its department's policy. */
async function intoIntake(db: Db, mail: StoredMail, parsed: ParsedMail, sender: Principal | null, now: Date) {
  if (await answersRefusal(db, parsed)) return finish(db, mail, parsed, { status: "processed", outcome: "reply_to_refusal" }, now);
  if (parsed.automatic || parsed.autoReply)
    return finish(db, mail, parsed, { status: "processed", outcome: "automatic_ignored", detail: parsed.automatic ?? "auto_reply" }, now);
  const intake = await intakeFor(db, parsed.recipients);
  if (!intake) return finish(db, mail, parsed, { status: "held", outcome: "no_intake_address", detail: parsed.recipients.join(", ") }, now);
  if (intake.policy === "off") return refuse(db, mail, parsed, sender, intake, "intake_off", now);
  if (intake.policy === "known_contacts") {
    const admission = await admitKnownContact(db, sender, intake);
    if (!admission.allowed || !sender) return refuse(db, mail, parsed, sender, intake, "not_contact", now);
    return openTicket(db, mail, parsed, sender, intake, admission, now);
  }
  const from = parsed.from!;
  const person =
    sender ??
    (await loadPrincipal(
      db,
      await findOrCreatePasswordless(db, { email: from.address, name: from.name, locale: baseLocale(parsed.contentLanguage) }),
      { kind: "mail", address: from.address },
    ));
  if (!person) throw new Error(`the account of ${from.address} could not be loaded`);
  return openTicket(db, mail, parsed, person, intake, admitAnyone(person, intake), now);
}

export async function processMail(db: Db, mail: StoredMail, now: Date): Promise<void> {
  const parsed = await parseMail(Buffer.from(mail.raw));
  const earlier = await db.inboundMail.findFirst({
    where: { acceptedKey: mail.messageKey, id: { not: mail.id } },
    select: { id: true, ticketId: true },
  });
  if (earlier)
    return finish(db, mail, parsed, { status: "processed", outcome: "duplicate", ticketId: earlier.ticketId, detail: earlier.id }, now);
  if (await isOwnMail(db, parsed, mailDomain())) return finish(db, mail, parsed, { status: "processed", outcome: "own_mail" }, now);
  if (parsed.deliveryReport) {
    const report = parsed.deliveryReport;
    return db.$transaction(async (tx) => {
      // A delay notice (4.x.x, nobody failed yet) says the mail may still arrive: nothing to mark.
      const delayed = !report.failedRecipients.length && !!report.status?.startsWith("4");
      const bounce = delayed ? { matched: false, ticketId: null } : await recordBounce(tx, report, now);
      const outcome = delayed ? "delivery_delayed" : bounce.matched ? "bounce_recorded" : "bounce_unmatched";
      await finish(tx, mail, parsed, { status: "processed", outcome, ticketId: bounce.ticketId, detail: report.diagnostic }, now);
    });
  }
  if (!parsed.from?.address) return finish(db, mail, parsed, { status: "held", outcome: "no_sender" }, now);
  const sender = await senderOf(db, parsed);
  const match = await findThread(db, parsed, (ticketId) => mayWrite(db, sender, ticketId));
  if (match) return intoThread(db, mail, parsed, sender, match, now);
  return intoIntake(db, mail, parsed, sender, now);
}

/** A rule of the ticket use-cases refused the mail (for example a sender no longer allowed): it
 * waits for staff with the rule's key. */
export const holdForRule = (db: Db, mail: StoredMail, key: string, now: Date) =>
  finish(db, mail, null, { status: "held", outcome: "refused_by_rule", detail: key }, now);
