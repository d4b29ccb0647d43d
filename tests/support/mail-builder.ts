// Builds the raw bytes of a mail the way a mail client sends it (nodemailer's MIME composer: real
// multipart, encodings and headers), for tests that feed Mesa's inbound channel.
import MailComposer from "nodemailer/lib/mail-composer";

export interface TestMail {
  from: string;
  to: string | string[];
  cc?: string | string[];
  subject: string;
  text?: string;
  html?: string;
  /** With angle brackets, e.g. "<abc@client.test>"; a fresh one by default. */
  messageId?: string;
  inReplyTo?: string;
  references?: string | string[];
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType?: string; cid?: string }[];
}

let counter = 0;

export function buildMail(mail: TestMail): Promise<Buffer> {
  const messageId = mail.messageId ?? `<test-${Date.now()}-${++counter}@client.test>`;
  return new MailComposer({ ...mail, messageId, date: new Date() }).compile().build();
}

/** A Spanish mail client's answer: the new text, then the quoted history. */
export function quotedReply(text: string, quoted: string, author = "Mesa <no-reply@mesa.localhost>"): string {
  const history = quoted
    .split("\n")
    .map((l) => `> ${l}`)
    .join("\n");
  return `${text}\n\nEl mar, 1 dic 2026 a las 10:00, ${author} escribió:\n${history}\n`;
}
