// One inbound mail, from its raw bytes to what the pipeline needs (ParsedMail): who wrote it to
// which addresses, what it answers, the text a person wants to read with the quoted history and
// signature set apart, its files, whether a machine sent it and, for a bounce, what did not arrive.
//
// It never throws for a bad mail: a mail stored raw must always be processable, so malformed MIME is
// read as well as it can be (mailparser is lenient; when it gives up, the headers and the first text
// part are read from the bytes) and what was wrong is listed in `problems`. mailparser decodes the
// charsets, transfer encodings and encoded-word headers; the rest is done in the files beside this
// one. Nothing scans the whole raw message with a regular expression: a mail may be 25 MB.
import { simpleParser, type ParsedMail as LibraryMail, type SimpleParserOptions } from "mailparser";
import type { MailAddress, ParsedMail } from "./parsed-mail";
import { automaticReason, isAutoReply, isDaemon, isDeliveryReportType } from "./automatic-mail";
import { headerBlockOf, looksLikeBounceSubject, readPlainBounce, readReport, type ReportParts } from "./delivery-report";
import { htmlToPlain } from "./html-to-plain";
import { collectFiles } from "./mail-attachments";
import { addressesIn, decodeBytes, headerReader, messageIdsIn, readHeaderLines, type HeaderReader } from "./mail-headers";
import { fallbackText, splitHead, unclosedBoundary, undeclaredEightBitText } from "./raw-mime";
import { splitReply } from "./reply-text";

const OPTIONS: SimpleParserOptions = {
  // cid: links stay in the HTML, so inline images are recognised (and never inlined as data: URLs).
  keepCidLinks: true,
  // The HTML of an HTML-only mail is converted here (sanitized first), not by mailparser.
  skipHtmlToText: true,
  skipTextToHtml: true,
  // A bounce's status part is read as a part, not appended to the text a person reads.
  keepDeliveryStatus: true,
  checksumAlgo: false,
};

/** How much of a returned message or a report's body is looked through for Message-IDs. */
const REPORT_SCAN = 256 * 1024;
const MAX_PROBLEM_LINES = 5;

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The Subject header, decoded. mailparser reads 8-bit header bytes as UTF-8; when they are not,
 * the raw bytes are read as Windows-1252 instead. */
async function subjectOf(parsed: LibraryMail | null, headers: HeaderReader): Promise<string> {
  const raw = headers.first("subject");
  if (raw === null) return "";
  let subject = parsed?.subject;
  if (subject === undefined) {
    // mailparser refused the mail: it still decodes a header block made of the subject alone.
    try {
      subject = (await simpleParser(Buffer.from(`Subject: ${raw.slice(0, 4000)}\r\n\r\n`, "latin1"), OPTIONS)).subject;
    } catch {
      subject = undefined;
    }
  }
  subject ??= decodeBytes(raw);
  if (subject.includes("\uFFFD") && /[\x80-\xff]/.test(raw)) subject = decodeBytes(raw);
  return collapse(subject);
}

function dateOf(headers: HeaderReader, problems: string[]): Date | null {
  const raw = headers.first("date");
  if (!raw) return null;
  const time = Date.parse(raw);
  if (Number.isNaN(time)) {
    problems.push(`the Date header is not a date: "${raw.slice(0, 80)}"`);
    return null;
  }
  return new Date(time);
}

function languageOf(headers: HeaderReader): string | null {
  const tag = (headers.first("content-language") ?? "").split(",")[0]!.trim().toLowerCase();
  return /^[a-z]{1,8}(?:-[a-z0-9]{1,8})*$/.test(tag) ? tag : null;
}

function uniqueAddresses(list: { address: string }[]): string[] {
  return [...new Set(list.map((a) => a.address))];
}

/** The text of the mail before quote stripping: text/plain when there is one, else the HTML as text. */
function textOf(parsed: LibraryMail | null, raw: Buffer, headers: HeaderReader, bodyStart: number, problems: string[]): string {
  if (!parsed) return fallbackText(raw, headers, bodyStart);
  // Outlook writes "[cid:image001.png@…]" where an inline image was: the image is a file, the marker noise.
  let text = parsed.text && parsed.text.trim() ? parsed.text.replace(/\[cid:[^\]\s]{1,256}\]/g, "") : "";
  if (!text && typeof parsed.html === "string" && parsed.html.trim()) {
    const converted = htmlToPlain(parsed.html);
    if (converted.truncated) problems.push("the HTML body is too long: only its beginning was read");
    text = converted.text;
  }
  if (text.includes("\uFFFD")) {
    const guessed = undeclaredEightBitText(raw, headers, bodyStart);
    if (guessed !== null) {
      problems.push("8-bit text without a declared charset (read as Windows-1252)");
      text = guessed;
    }
  }
  return text;
}

function reportParts(
  parsed: LibraryMail | null,
  raw: Buffer,
  bodyStart: number,
  text: string,
  ownId: string | null,
  referenced: string[],
  headers: HeaderReader,
) {
  const attachments = parsed?.attachments ?? [];
  const typed = (types: string[]) => attachments.filter((a) => types.includes(a.contentType.toLowerCase()));
  const parts: ReportParts = {
    statusParts: typed(["message/delivery-status", "message/global-delivery-status"]).map((a) =>
      a.content.subarray(0, REPORT_SCAN).toString("utf8"),
    ),
    returnedHeaders: [
      ...typed(["text/rfc822-headers", "message/global-headers"]).map((a) => a.content.subarray(0, REPORT_SCAN).toString("latin1")),
      ...typed(["message/rfc822", "message/global"]).map((a) => headerBlockOf(a.content.subarray(0, REPORT_SCAN).toString("latin1"))),
      // A returned message mailparser read as part of the report (inline) is only in the bytes.
      raw.subarray(bodyStart, bodyStart + REPORT_SCAN).toString("latin1"),
    ],
    text,
    ownId,
    referenced,
    failedHeader: addressesIn(headers.all("x-failed-recipients")).map((a) => a.address),
  };
  return parts;
}

/** Reads a mail; never throws (see the header of this file). */
export async function parseMail(raw: Buffer): Promise<ParsedMail> {
  try {
    return await readMail(raw);
  } catch (error) {
    // Nothing above should throw; if something does, the mail is still a mail with its Message-ID.
    const headers = headerReader(readHeaderLines(splitHead(raw).head));
    return {
      messageId: messageIdsIn(headers.first("message-id"))[0] ?? null,
      inReplyTo: [],
      references: [],
      from: null,
      recipients: [],
      subject: collapse(decodeBytes(headers.first("subject") ?? "")),
      date: null,
      contentLanguage: null,
      body: "",
      quoted: null,
      files: [],
      automatic: null,
      autoReply: false,
      deliveryReport: null,
      problems: [`the mail could not be read (${errorText(error)})`],
    };
  }
}

async function readMail(raw: Buffer): Promise<ParsedMail> {
  const problems: string[] = [];
  if (raw.length === 0) problems.push("the mail is empty");
  const { head, bodyStart } = splitHead(raw);

  let parsed: LibraryMail | null = null;
  try {
    parsed = await simpleParser(raw, OPTIONS);
  } catch (error) {
    problems.push(`the MIME structure could not be read (${errorText(error)}): only the headers and the first text part were`);
  }

  const headers = headerReader(parsed?.headerLines?.length ? parsed.headerLines : readHeaderLines(head));
  for (const line of headers.broken.slice(0, MAX_PROBLEM_LINES))
    problems.push(`a header line is not "Name: value": "${collapse(line).slice(0, 80)}"`);
  const unclosed = unclosedBoundary(raw, headers);
  if (unclosed) problems.push(unclosed);

  const fromEntry = addressesIn(headers.all("from"))[0];
  const from: MailAddress | null = fromEntry ? { address: fromEntry.address, name: fromEntry.name } : null;
  const subject = await subjectOf(parsed, headers);
  const messageId = messageIdsIn(headers.first("message-id"))[0] ?? null;
  const inReplyTo = messageIdsIn(headers.all("in-reply-to").join(" "));
  const references = messageIdsIn(headers.all("references").join(" "));
  const recipients = uniqueAddresses(
    addressesIn(["to", "cc", "delivered-to", "x-original-to", "envelope-to"].flatMap((name) => headers.all(name))),
  );

  let text = "";
  try {
    text = textOf(parsed, raw, headers, bodyStart, problems);
  } catch (error) {
    problems.push(`the text could not be read (${errorText(error)})`);
  }
  const { body, quoted } = splitReply(text, subject);

  const isReport = isDeliveryReportType(headers.first("content-type"));
  let files: ParsedMail["files"] = [];
  try {
    files = parsed ? collectFiles(parsed.attachments, typeof parsed.html === "string" ? parsed.html : "", isReport) : [];
  } catch (error) {
    problems.push(`the files could not be read (${errorText(error)})`);
  }

  const automatic = automaticReason(headers, from);
  const referenced = [...inReplyTo, ...references];
  let deliveryReport: ParsedMail["deliveryReport"] = null;
  if (isReport) {
    deliveryReport = readReport(reportParts(parsed, raw, bodyStart, text, messageId, referenced, headers));
  } else if (isDaemon(from) || (automatic !== null && looksLikeBounceSubject(subject))) {
    deliveryReport = readPlainBounce(reportParts(parsed, raw, bodyStart, text, messageId, referenced, headers));
  }

  return {
    messageId,
    inReplyTo,
    references,
    from,
    recipients,
    subject,
    date: dateOf(headers, problems),
    contentLanguage: languageOf(headers),
    body,
    quoted,
    files,
    automatic,
    autoReply: isAutoReply(headers, subject, isReport || deliveryReport !== null || isDaemon(from)),
    deliveryReport,
    problems,
  };
}
