// What the inbound pipeline needs to know of a mail, in its own words: who wrote it to which
// addresses, what it answers, the text a person wants to read (quoted history and signature cut
// off, kept apart), its files, and whether a machine sent it. Built by parse-mail.ts from the raw
// bytes; nothing here trusts the mail beyond what it says of itself.

export interface MailAddress {
  /** lower-case */
  address: string;
  name: string;
}

export interface MailFile {
  /** As the mail names it (or a made-up name for a nameless inline part, e.g. "image-1.png"). */
  name: string;
  /** The part's declared type (Mesa decides the real type from the name and the bytes). */
  contentType: string;
  content: Buffer;
  /** An inline part referenced by the HTML body (cid:). */
  inline: boolean;
  cid: string | null;
}

/** A delivery-status report (RFC 3464), or a bounce that looks like one. */
export interface DeliveryReport {
  /** Message-IDs (without angle brackets) of the mail that did not arrive, from the returned
   * headers or message. */
  originalMessageIds: string[];
  /** lower-case addresses that failed (Final-Recipient / Original-Recipient), when given. */
  failedRecipients: string[];
  /** e.g. "5.1.1", when given. */
  status: string | null;
  /** Diagnostic-Code or the first line of the human part, trimmed (≤ 500 chars). */
  diagnostic: string | null;
}

/** Why a mail is automatic (never answered): the first rule that matched. */
export type AutomaticReason =
  | "auto_submitted"
  | "x_autoreply"
  | "x_autorespond"
  | "precedence"
  | "x_loop"
  | "list"
  | "empty_return_path"
  | "mailer_daemon"
  | "delivery_report";

export interface ParsedMail {
  /** Without angle brackets; null when absent. */
  messageId: string | null;
  /** Message-IDs without angle brackets, in header order. */
  inReplyTo: string[];
  references: string[];
  from: MailAddress | null;
  /** Every address in To, Cc, Delivered-To, X-Original-To (and Envelope-To), lower-case, unique. */
  recipients: string[];
  /** Decoded, whitespace-collapsed, trimmed; "" when absent. */
  subject: string;
  date: Date | null;
  /** The first language tag of Content-Language, lower-case (e.g. "pt-br"), or null. */
  contentLanguage: string | null;
  /** The text a person wants to read: text/plain preferred, otherwise the HTML made safe and turned
   * into text; quoted history and signature removed. Never null ("" for an empty mail). */
  body: string;
  /** What was cut from the body (quoted history, signature), or null when nothing was. */
  quoted: string | null;
  /** Attachments and inline images (cid:), in order. */
  files: MailFile[];
  /** Set when a machine sent it (auto-responder, list, bounce…): it is never answered. */
  automatic: AutomaticReason | null;
  /** An out-of-office or other auto-reply (as opposed to a list or bulk mail). */
  autoReply: boolean;
  /** Set for delivery-status reports and bounces. */
  deliveryReport: DeliveryReport | null;
  /** What was wrong with the MIME, if anything (the mail was read as well as it could be). */
  problems: string[];
}
