// What a bounce says about the mail that did not arrive: its Message-ID (so Mesa can mark its own
// outbox mail "el correo rebotó"), the recipients that failed, the status and the server's words.
// A standard report (multipart/report; report-type=delivery-status, RFC 3464) carries them in its
// message/delivery-status part and returns the original headers (text/rfc822-headers) or the whole
// message (message/rfc822); an older plain-text bounce from mailer-daemon only quotes them in its
// text, which is scanned best effort. Every scan is bounded: a bounce may return a 20 MB mail.
import type { DeliveryReport } from "./parsed-mail";
import { messageIdsIn } from "./mail-headers";

/** How much of a part or text is read (the headers and the explanation come first). */
const SCAN_BYTES = 256 * 1024;
const DIAGNOSTIC_MAX = 500;

export interface ReportParts {
  /** message/delivery-status parts, as text. */
  statusParts: string[];
  /** text/rfc822-headers parts and the header blocks of message/rfc822 parts, as text. */
  returnedHeaders: string[];
  /** The human-readable text of the report. */
  text: string;
  /** The report's own Message-ID and In-Reply-To/References (Exchange points them at the original). */
  ownId: string | null;
  referenced: string[];
  /** Exim's X-Failed-Recipients header, lower-case. */
  failedHeader: string[];
}

interface Field {
  name: string;
  value: string;
}

/** "Name: value" fields of one block of a delivery-status part, continuation lines unfolded. */
function fields(block: string): Field[] {
  const out: Field[] = [];
  for (const line of block.split("\n")) {
    if (/^[ \t]/.test(line) && out.length) out[out.length - 1]!.value += ` ${line.trim()}`;
    else {
      const colon = line.indexOf(":");
      if (colon > 0) out.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
    }
  }
  return out;
}

const field = (list: Field[], name: string) => list.find((f) => f.name === name)?.value ?? null;

/** "rfc822; Ana@Example.test" → "ana@example.test". */
function recipientAddress(value: string | null): string | null {
  if (!value) return null;
  const address = value
    .slice(value.indexOf(";") + 1)
    .trim()
    .replace(/^<|>$/g, "")
    .toLowerCase();
  return address.includes("@") ? address : null;
}

const clip = (text: string | null) => {
  const trimmed = (text ?? "").replace(/\s+/g, " ").trim();
  return trimmed ? trimmed.slice(0, DIAGNOSTIC_MAX) : null;
};

/** "Message-ID: <…>" header lines anywhere in a text (folded or quoted with "> " too). */
function messageIdLines(text: string): string[] {
  const ids: string[] = [];
  const re = /^[ \t>]*message-id[ \t]*:[ \t]*(?:\r?\n[ \t]+)?<([^<>\s]{1,998})>/gim;
  for (const m of text.slice(0, SCAN_BYTES).matchAll(re)) ids.push(m[1]!);
  return ids;
}

/** The header block of a returned message (up to its first blank line). */
export function headerBlockOf(message: string): string {
  const head = message.slice(0, SCAN_BYTES);
  const end = head.search(/\r?\n\r?\n/);
  return end < 0 ? head : head.slice(0, end);
}

const unique = (values: string[]) => [...new Set(values)];

/** The first line of the explanation that quotes the server ("550 5.1.1 …"), else its first line. */
function humanDiagnostic(text: string): string | null {
  const lines = text
    .slice(0, SCAN_BYTES)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return clip(lines.find((l) => /\b[45]\d\d[ -]/.test(l)) ?? lines[0] ?? null);
}

/** A multipart/report delivery-status report. */
export function readReport(parts: ReportParts): DeliveryReport {
  const recipients: { address: string | null; action: string; status: string | null; diagnostic: string | null }[] = [];
  const fromFields: string[] = [];
  for (const part of parts.statusParts) {
    const blocks = part
      .slice(0, SCAN_BYTES)
      .replace(/\r\n?/g, "\n")
      .split(/\n\s*\n/);
    blocks.forEach((block, index) => {
      const list = fields(block);
      if (!list.length) return;
      // The per-message block may name the original (X-Original-Message-ID, an envelope id that is one).
      for (const f of list) if (/message-id$|^original-envelope-id$/.test(f.name)) fromFields.push(...messageIdsIn(f.value));
      if (index === 0 && !field(list, "final-recipient") && !field(list, "original-recipient")) return;
      recipients.push({
        address: recipientAddress(field(list, "final-recipient")) ?? recipientAddress(field(list, "original-recipient")),
        action: (field(list, "action") ?? "failed").toLowerCase(),
        status: field(list, "status")?.split(/\s/)[0] ?? null,
        diagnostic: field(list, "diagnostic-code")?.replace(/^[\w-]+\s*;\s*/, "") ?? null,
      });
    });
  }
  const failed = recipients.filter((r) => r.action.startsWith("failed"));
  const first = failed[0] ?? recipients[0];
  const returned = parts.returnedHeaders.flatMap((block) => messageIdLines(block));
  let originals = unique([...returned, ...fromFields]).filter((id) => id !== parts.ownId);
  if (!originals.length) originals = unique(parts.referenced).filter((id) => id !== parts.ownId);
  return {
    originalMessageIds: originals,
    failedRecipients: unique([...failed.map((r) => r.address).filter((a): a is string => !!a), ...parts.failedHeader]),
    status: first?.status ?? null,
    diagnostic: clip(first?.diagnostic ?? null) ?? humanDiagnostic(parts.text),
  };
}

/** Subjects of bounces written as plain text (Postfix, Exim, Exchange, qmail, Gmail). */
const BOUNCE_SUBJECT =
  /^\s*(?:undeliver(?:ed|able)|undelivered mail|delivery status notification|delivery (?:has )?failed|mail delivery failed|failure notice|returned mail|mail system error|no se puede entregar|no entregado|mensaje no entregado|não entregue|non remis|échec de la remise|notification d'état de remise)/i;

export const looksLikeBounceSubject = (subject: string) => BOUNCE_SUBJECT.test(subject);

/** A plain-text bounce from mailer-daemon: the Message-IDs it quotes, the recipients it names
 * ("<ana@example.test>: host … said: 550 …", or Exim's indented address), the first status code. */
export function readPlainBounce(parts: ReportParts): DeliveryReport | null {
  const text = parts.text.slice(0, SCAN_BYTES);
  const quoted = unique([...parts.returnedHeaders.flatMap((block) => messageIdLines(block)), ...messageIdLines(text)]).filter(
    (id) => id !== parts.ownId,
  );
  // The explanation ends where the returned headers start.
  const copyAt = text.search(/^[ \t>]*(?:return-path|received|message-id|from|date|subject|to):/im);
  const human = copyAt < 0 ? text : text.slice(0, copyAt);
  const failed = unique([
    ...parts.failedHeader,
    ...[...human.matchAll(/^[ \t]*<([^<>\s@]+@[^<>\s@]+)>:?/gm), ...human.matchAll(/^[ \t]{2,}([^<>\s@]+@[^<>\s@]+)[ \t]*$/gm)].map((m) =>
      m[1]!.toLowerCase(),
    ),
  ]);
  if (!quoted.length && !failed.length) return null;
  return {
    originalMessageIds: quoted.length ? quoted : unique(parts.referenced).filter((id) => id !== parts.ownId),
    failedRecipients: failed,
    // "5.1.1", not a piece of an IP address ("10.2.3.4").
    status: /(?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.])/.exec(human)?.[1] ?? null,
    diagnostic: humanDiagnostic(human),
  };
}
