// Sends mail through SMTP_URL. Without it (development), the message is printed to the log so the
// links in it can still be followed.
import nodemailer, { type Transporter } from "nodemailer";
import { getConfig } from "../config/env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

let transport: Transporter | undefined;

export async function sendMail(mail: OutgoingMail): Promise<void> {
  const config = getConfig();
  if (!config.SMTP_URL) {
    console.info(`[mail] SMTP_URL is not set; this mail was not sent:\nTo: ${mail.to}\nSubject: ${mail.subject}\n\n${mail.text}\n`);
    return;
  }
  transport ??= nodemailer.createTransport(config.SMTP_URL);
  await transport.sendMail({ from: config.MAIL_FROM, ...mail });
}
