// The answer to a mail that may not open a ticket: a translated explanation that tickets are opened
// in the panel, with its address (seed 002), or that only the organization's members and
// authorized contacts may write to this address (seed 004). At most one per sender per day (the
// outbox key), never to automatic mail (the caller checks), and marked as an automatic reply so a
// well-behaved auto-responder does not answer it.
import { getConfig } from "../config/env";
import type { Tx } from "../db";
import { mailDomain } from "../email/mailer";
import { renderHtml, renderText } from "../email/layout";
import type { AppLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";

export type RefusalReason = "intake_off" | "not_contact";

export interface Refusal {
  inboundMailId: string;
  to: { email: string; name: string; locale: AppLocale };
  reason: RefusalReason;
  department: string;
  /** The refused mail's subject and Message-ID, so the answer threads under it. */
  subject: string;
  messageId: string | null;
}

/** Queues the refusal; false when this sender already got one today. */
export async function queueRefusal(tx: Tx, refusal: Refusal, now: Date): Promise<boolean> {
  const t = translator(refusal.to.locale);
  const day = now.toISOString().slice(0, 10);
  const address = refusal.to.email.toLowerCase();
  const panel = `${getConfig().NEXTAUTH_URL}/${refusal.to.locale}/tickets/new`;
  const values = { department: refusal.department, subject: refusal.subject, panel };
  const body = {
    greeting: t("Email.greeting", { name: refusal.to.name || address }),
    paragraphs: [t(`Email.refusal.${refusal.reason}`, values), t("Email.refusal.panel", values), t("Email.refusal.notReceived")],
    action: { label: t("Email.refusal.action"), url: panel },
    footer: t("Email.footer"),
  };
  const messageId = `<refusal-${refusal.inboundMailId}@${mailDomain()}>`;
  const original = refusal.messageId ? `<${refusal.messageId}>` : undefined;
  const { count } = await tx.outboxMail.createMany({
    data: [
      {
        key: `refusal:${address}:${day}`,
        messageId,
        toAddress: address,
        subject: t("Email.refusal.subject", values),
        text: renderText(body),
        html: renderHtml(body, refusal.to.locale),
        headers: { messageId, autoSubmitted: "auto-replied", ...(original ? { inReplyTo: original, references: original } : {}) },
      },
    ],
    skipDuplicates: true,
  });
  return count > 0;
}
