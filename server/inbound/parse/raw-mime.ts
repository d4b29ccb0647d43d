// Reading the raw bytes directly, for what mailparser does not report: where the header block ends,
// whether the top multipart's closing boundary is there, the text of a mail whose 8-bit body
// declares no charset, and — when mailparser gives up (more than 1,000 parts, a header block over
// 1 MB) — a best-effort text body so the mail still reads as something. Buffer searches only; the
// 25 MB message is never turned into one string.
import { headerReader, readHeaderLines, structured, type HeaderReader } from "./mail-headers";

/** How far the end of the header block is looked for, and how much of a body the fallback reads. */
const HEAD_SCAN = 2 * 1024 * 1024;
const FALLBACK_BODY = 1024 * 1024;

export interface RawHead {
  /** The header block as a byte string, without the blank line. */
  head: string;
  /** Where the body starts (raw.length when there is none). */
  bodyStart: number;
}

export function splitHead(raw: Buffer): RawHead {
  const window = raw.subarray(0, HEAD_SCAN);
  const crlf = window.indexOf("\r\n\r\n");
  const lf = window.indexOf("\n\n");
  if (crlf < 0 && lf < 0) return { head: window.toString("latin1"), bodyStart: raw.length };
  const [end, gap] = crlf >= 0 && (lf < 0 || crlf < lf) ? [crlf, 4] : [lf, 2];
  return { head: window.subarray(0, end).toString("latin1"), bodyStart: end + gap };
}

/** A problem when the top multipart is never closed ("--boundary--" missing). */
export function unclosedBoundary(raw: Buffer, headers: HeaderReader): string | null {
  const type = structured(headers.first("content-type"));
  const boundary = type.params.boundary;
  if (!type.value.startsWith("multipart/") || !boundary) return null;
  return raw.includes(`--${boundary}--`, 0, "latin1") ? null : `the multipart boundary "${boundary}" is never closed`;
}

const decoders = new Map<string, TextDecoder>();
function decode(bytes: Buffer, charset: string | undefined): string {
  const label = (charset || "utf-8").toLowerCase();
  let decoder = decoders.get(label);
  if (!decoder) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      decoder = new TextDecoder("utf-8");
    }
    decoders.set(label, decoder);
  }
  return decoder.decode(bytes);
}

const utf8Strict = new TextDecoder("utf-8", { fatal: true });
const isUtf8 = (bytes: Buffer) => {
  try {
    utf8Strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** The body of a single-part text mail that declares no charset, when its 8-bit bytes are not
 * UTF-8: read as Windows-1252 (what such mail almost always is), or null when that does not apply. */
export function undeclaredEightBitText(raw: Buffer, headers: HeaderReader, bodyStart: number): string | null {
  const type = structured(headers.first("content-type"));
  if (type.value && type.value !== "text/plain") return null;
  if (type.params.charset) return null;
  const encoding = (headers.first("content-transfer-encoding") ?? "").trim().toLowerCase();
  if (encoding && encoding !== "7bit" && encoding !== "8bit" && encoding !== "binary") return null;
  const body = raw.subarray(bodyStart);
  if (isUtf8(body)) return null;
  return decode(body, "windows-1252");
}

function decodeQuotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const unfolded = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < unfolded.length; i++) {
    const c = unfolded.charCodeAt(i);
    const hex = c === 0x3d ? unfolded.slice(i + 1, i + 3) : "";
    if (/^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(c & 0xff);
  }
  return Buffer.from(bytes);
}

function decodePart(headers: HeaderReader, body: Buffer): string {
  const type = structured(headers.first("content-type"));
  const encoding = (headers.first("content-transfer-encoding") ?? "").trim().toLowerCase();
  const text = body.toString("latin1");
  const bytes =
    encoding === "base64"
      ? Buffer.from(text.replace(/[^A-Za-z0-9+/=]/g, ""), "base64")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(text)
        : body;
  const charset = type.params.charset ?? (isUtf8(bytes) ? "utf-8" : "windows-1252");
  return decode(bytes, charset);
}

/** The first text/plain part under a part (nested multiparts included), decoded; null when none. */
function firstPlainText(headers: HeaderReader, body: Buffer, depth: number): string | null {
  const type = structured(headers.first("content-type"));
  if (!type.value.startsWith("multipart/")) return !type.value || type.value === "text/plain" ? decodePart(headers, body) : null;
  const boundary = type.params.boundary;
  if (!boundary || depth > 10) return null;
  const delimiter = `--${boundary}`;
  let at = body.indexOf(delimiter, 0, "latin1");
  while (at >= 0) {
    const next = body.indexOf(delimiter, at + delimiter.length, "latin1");
    const part = body.subarray(at + delimiter.length, next < 0 ? body.length : next);
    if (part.subarray(0, 2).toString("latin1") === "--") break;
    const { head, bodyStart } = splitHead(part);
    const text = firstPlainText(headerReader(readHeaderLines(head.replace(/^\r?\n/, ""))), part.subarray(bodyStart), depth + 1);
    if (text !== null) return text;
    at = next;
  }
  return null;
}

/** When mailparser could not read the mail: the first text/plain part (or the body of a single-part
 * text mail), decoded, from the first megabyte. "" when none is found. */
export function fallbackText(raw: Buffer, headers: HeaderReader, bodyStart: number): string {
  return firstPlainText(headers, raw.subarray(bodyStart, bodyStart + FALLBACK_BODY), 0) ?? "";
}
