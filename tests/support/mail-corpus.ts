// The corpus of real-world-shaped mails: the .eml files under tests/fixtures/mail (CRLF, as on the
// wire; manifest.json says what each is and what a person would expect of it) and the large ones
// generated here instead of committed (a 25 MB message, an attachment just over the 20 MB limit, a
// mail with more parts than the parser accepts). The parser's unit test checks every expectation;
// the pipeline's integration test runs the same mails through to a ticket, a message or a held mail.
//
// The replies answer one ticket, CORPUS_TICKET (TK-000042, requested by partner@demo.test of Acme in
// the demo data): a test that wants them threaded creates it with that id, number and reply token,
// and the outbox mails named by CORPUS_TICKET.sentMessageIds.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { AutomaticReason } from "../../server/inbound/parse/parsed-mail";
import { MiB } from "./files";

export const CORPUS_DIR = path.resolve(import.meta.dirname, "../fixtures/mail");

const replyToken = "4f9c2a7be1d04c3f8a6b5e2d1c0f9a87";
const ticketId = "7d3e5a10-2b4c-4e8f-9a61-0c5d2e7f8b93";

export const CORPUS_TICKET = {
  id: ticketId,
  number: 42,
  reference: "TK-000042",
  subject: "Certificado SSL caducado en tienda.acme.example.test",
  requester: "partner@demo.test",
  replyToken,
  replyAddress: `reply+${replyToken}@mesa.localhost`,
  /** Without angle brackets, as ParsedMail gives Message-IDs. */
  rootMessageId: `ticket-${ticketId}@mesa.localhost`,
  /** Mesa's notifications the replies and bounces name: event 42 (the replies, the Postfix bounce),
   * 43 (the Exchange bounce), 44 (the Exim bounce). */
  sentMessageIds: [
    "event-42.1b2c3d4e-0000-4000-8000-000000000000@mesa.localhost",
    "event-43.1b2c3d4e-0000-4000-8000-000000000000@mesa.localhost",
    "event-44.5e6f7a8b-0000-4000-8000-000000000000@mesa.localhost",
  ],
} as const;

export interface CorpusFileExpect {
  name: string;
  inline?: boolean;
  cid?: string;
  /** Exact size in bytes, or at least this many. */
  size?: number;
  minSize?: number;
  /** Mesa's file checks must refuse it (the mail itself is kept): its type, its bytes, or the size limit. */
  refused?: "type" | "content" | "size";
}

export interface CorpusExpect {
  /** What the mail is for the pipeline: a new ticket for `toIntake`, a reply to CORPUS_TICKET (found by
   * `thread`), an out-of-office for it, other automatic mail (never answered), a bounce. */
  kind: "new_ticket" | "reply" | "auto_reply" | "automatic" | "bounce";
  /** The sender (lower-case). */
  from: string | null;
  fromName?: string;
  /** The demo intake address it was written to (soporte@ known_contacts, facturacion@ known_contacts,
   * ventas@ anyone, administracion@ off). */
  toIntake?: string;
  /** The threading rule that finds CORPUS_TICKET. */
  thread?: "reply_token" | "references" | "subject_number";
  /** false: the sender may not see CORPUS_TICKET (the reply is held for staff). */
  senderMayWrite?: boolean;
  subject?: string;
  messageId?: string;
  /** Default true. */
  hasMessageId?: boolean;
  inReplyTo?: string[];
  references?: string[];
  recipientsInclude?: string[];
  contentLanguage?: string | null;
  /** Default null. */
  automatic?: AutomaticReason | null;
  /** Default false. */
  autoReply?: boolean;
  bodyIncludes?: string[];
  bodyExcludes?: string[];
  bodyEmpty?: boolean;
  quotedIncludes?: string[];
  quotedNull?: boolean;
  /** Every file, in order (default: none). */
  files?: CorpusFileExpect[];
  /** Default null (not a bounce). */
  deliveryReport?: {
    originalMessageIds: string[];
    failedRecipients?: string[];
    status?: string | null;
    diagnosticIncludes?: string;
  } | null;
  /** The parser lists problems with the MIME (default false: none). */
  problems?: boolean;
}

export interface CorpusMail {
  name: string;
  describe: string;
  raw: Buffer;
  expect: CorpusExpect;
  generated: boolean;
}

interface ManifestEntry {
  file: string;
  describe: string;
  expect: CorpusExpect;
}

export function readManifest(): ManifestEntry[] {
  return JSON.parse(readFileSync(path.join(CORPUS_DIR, "manifest.json"), "utf8")) as ManifestEntry[];
}

/** The .eml files on disk (the manifest must list exactly these). */
export function corpusFileNames(): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith(".eml"))
    .sort();
}

// --- Generated mails ----------------------------------------------------------------------------

const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");

/** Base64 in 76-character lines, as mail clients write attachments. */
function base64Lines(bytes: Buffer): Buffer {
  const encoded = bytes.toString("base64");
  const lines = Math.ceil(encoded.length / 76);
  const out = Buffer.allocUnsafe(encoded.length + lines * 2);
  let at = 0;
  for (let i = 0; i < encoded.length; i += 76) {
    at += out.write(encoded.slice(i, i + 76), at, "latin1");
    at += out.write("\r\n", at, "latin1");
  }
  return out.subarray(0, at);
}

/** A JPEG of `size` bytes as far as content sniffing goes (SOI, JFIF header, padding, EOI). */
function jpegOf(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x5a);
  Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
  ]).copy(bytes);
  bytes[size - 2] = 0xff;
  bytes[size - 1] = 0xd9;
  return bytes;
}

/** A ZIP of `size` bytes as far as content sniffing goes (a local file header, then stored data). */
function zipOf(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00]).copy(bytes);
  return bytes;
}

const LOG_LINE =
  "2026-12-04T10:00:00+01:00 web01 nginx[2231]: upstream timed out (110: Connection timed out) while reading response header\r\n";

function head(fields: Record<string, string>): string {
  return crlf(
    Object.entries(fields)
      .map(([k, v]) => `${k}: ${v}\n`)
      .join("") + "\n",
  );
}

/** 25 MB on the wire: a 21 MiB log sent as 7bit text (as Thunderbird attaches plain text) — over
 * the 20 MB limit on its own — and a 3 MB photo in base64, which fits. */
function message25mb(): CorpusMail {
  const log = Buffer.alloc(21 * MiB, LOG_LINE);
  const headerPart = head({
    "Return-Path": "<sysadmin@example.test>",
    From: "Sysadmin Tienda <sysadmin@example.test>",
    To: "ventas@demo.test",
    Subject: "Logs completos del servidor y foto del rack",
    Date: "Fri, 5 Dec 2026 09:00:00 +0100",
    "Message-ID": "<generated-25mb-20261205090000@example.test>",
    "MIME-Version": "1.0",
    "User-Agent": "Mozilla Thunderbird",
    "Content-Type": 'multipart/mixed; boundary="------------gen25mb0123456789"',
  });
  const photoSize = 3 * 1000 * 1000;
  const parts = [
    Buffer.from(
      headerPart +
        crlf(`This is a multi-part message in MIME format.
--------------gen25mb0123456789
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

Os adjunto el log completo de nginx de esta semana y una foto del rack.

--------------gen25mb0123456789
Content-Type: text/plain; charset=UTF-8; name="servidor-web01.log"
Content-Disposition: attachment; filename="servidor-web01.log"
Content-Transfer-Encoding: 7bit

`),
      "utf8",
    ),
    log,
    Buffer.from(
      crlf(`
--------------gen25mb0123456789
Content-Type: image/jpeg; name="foto-rack.jpg"
Content-Disposition: attachment; filename="foto-rack.jpg"
Content-Transfer-Encoding: base64

`),
      "latin1",
    ),
    base64Lines(jpegOf(photoSize)),
    Buffer.from(crlf(`--------------gen25mb0123456789--\n`), "latin1"),
  ];
  return {
    name: "generated:message-25mb",
    describe: "25 MB on the wire: a 21 MiB log as 7bit text (over the 20 MB limit by itself) and a 3 MB JPEG in base64",
    raw: Buffer.concat(parts),
    generated: true,
    expect: {
      kind: "new_ticket",
      toIntake: "ventas@demo.test",
      from: "sysadmin@example.test",
      subject: "Logs completos del servidor y foto del rack",
      bodyIncludes: ["Os adjunto el log completo de nginx de esta semana y una foto del rack."],
      files: [
        { name: "servidor-web01.log", inline: false, minSize: 20 * MiB + 1, refused: "size" },
        { name: "foto-rack.jpg", inline: false, size: photoSize },
      ],
    },
  };
}

/** An attachment just over the 20 MB limit (20 MiB + 1 KiB, base64: about 27 MB on the wire). */
function attachmentJustOverLimit(): CorpusMail {
  const size = 20 * MiB + 1024;
  const raw = Buffer.concat([
    Buffer.from(
      head({
        "Return-Path": "<backup@example.test>",
        From: "Copias <backup@example.test>",
        To: "ventas@demo.test",
        Subject: "Copia de la web antes de la migración",
        Date: "Fri, 5 Dec 2026 10:00:00 +0100",
        "Message-ID": "<generated-over-limit-20261205100000@example.test>",
        "MIME-Version": "1.0",
        "Content-Type": 'multipart/mixed; boundary="=_over_limit_boundary"',
      }) +
        crlf(`--=_over_limit_boundary
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

Adjunto la copia completa de la web antes de la migraci=C3=B3n.
--=_over_limit_boundary
Content-Type: application/zip; name="copia-web.zip"
Content-Disposition: attachment; filename="copia-web.zip"
Content-Transfer-Encoding: base64

`),
      "latin1",
    ),
    base64Lines(zipOf(size)),
    Buffer.from(crlf(`--=_over_limit_boundary--\n`), "latin1"),
  ]);
  return {
    name: "generated:attachment-just-over-20mb",
    describe: "A ZIP of 20 MiB + 1 KiB in base64: just over the 20 MB limit",
    raw,
    generated: true,
    expect: {
      kind: "new_ticket",
      toIntake: "ventas@demo.test",
      from: "backup@example.test",
      subject: "Copia de la web antes de la migración",
      bodyIncludes: ["Adjunto la copia completa de la web antes de la migración."],
      files: [{ name: "copia-web.zip", inline: false, size, refused: "size" }],
    },
  };
}

/** 1,200 parts: more than mailparser reads (1,000); the headers and the first text part still are. */
function tooManyParts(): CorpusMail {
  let body = "";
  for (let i = 1; i <= 1200; i++) body += `--many\nContent-Type: text/plain; charset=utf-8\n\nparte ${i} del inventario de dominios\n`;
  const raw = Buffer.from(
    head({
      "Return-Path": "<inventario@example.test>",
      From: "Inventario <inventario@example.test>",
      To: "ventas@demo.test",
      Subject: "Inventario de dominios (1200 partes)",
      Date: "Fri, 5 Dec 2026 11:00:00 +0100",
      "Message-ID": "<generated-many-parts-20261205110000@example.test>",
      "MIME-Version": "1.0",
      "Content-Type": "multipart/mixed; boundary=many",
    }) + crlf(`${body}--many--\n`),
    "utf8",
  );
  return {
    name: "generated:too-many-parts",
    describe: "1,200 MIME parts, over the parser's 1,000: read from the bytes (headers and the first text part), with a problem listed",
    raw,
    generated: true,
    expect: {
      kind: "new_ticket",
      toIntake: "ventas@demo.test",
      from: "inventario@example.test",
      subject: "Inventario de dominios (1200 partes)",
      bodyIncludes: ["parte 1 del inventario de dominios"],
      bodyExcludes: ["parte 2 del inventario"],
      files: [],
      problems: true,
    },
  };
}

/** The mails too large (or too odd) to commit, built on each call (about 60 MB together). */
export function generatedMails(): CorpusMail[] {
  return [message25mb(), attachmentJustOverLimit(), tooManyParts()];
}

/** Every mail of the corpus: the committed files in manifest order, then the generated ones. */
export function loadCorpus(): CorpusMail[] {
  const committed = readManifest().map((entry) => ({
    name: entry.file,
    describe: entry.describe,
    raw: readFileSync(path.join(CORPUS_DIR, entry.file)),
    expect: entry.expect,
    generated: false,
  }));
  return [...committed, ...generatedMails()];
}
