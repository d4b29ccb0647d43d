// Sends mail through SMTP_URL. Without it (development), the message is printed to the log so the
// links in it can still be followed.
import nodemailer, { type Transporter } from "nodemailer";
import { getConfig } from "../config/env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Threading: Message-ID, In-Reply-To, References; and where replies go. */
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  replyTo?: string;
  /** RFC 3834: every mail Mesa sends is automatic ("auto-generated"; a refusal is "auto-replied"),
   * so well-behaved auto-responders never answer it and no loop starts. */
  autoSubmitted?: "auto-generated" | "auto-replied";
}

let transport: Transporter | undefined;

/** A few reused connections instead of one per mail (the outbox sends in bursts), unless the
 * operator's SMTP_URL says otherwise. */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", "3");
  return url.toString();
}

/** Resolves with the server's answer ("250 OK …") once the SMTP server accepted the message. */
export async function sendMail(mail: OutgoingMail): Promise<string> {
  const config = getConfig();
  if (!config.SMTP_URL) {
    console.info(`[mail] SMTP_URL is not set; this mail was not sent:\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
    return "not sent: SMTP_URL is not set (printed to the log)";
  }
  transport ??= nodemailer.createTransport(pooled(config.SMTP_URL));
  const { autoSubmitted = "auto-generated", ...rest } = mail;
  const info = await transport.sendMail({ from: config.MAIL_FROM, ...rest, headers: { "Auto-Submitted": autoSubmitted } });
  return String(info.response ?? "accepted");
}

/** The domain of MAIL_FROM: Message-IDs and the reply address are built on it. */
export function mailDomain(): string {
  const from = getConfig().MAIL_FROM;
  return /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "mesa.localhost";
}
