// Header values read from the raw header lines (as mailparser keeps them, or as readHeaderLines
// splits a header block mailparser refused): every occurrence of a header, unfolded, so repeated
// headers (Delivered-To, Return-Path) and headers mailparser does not interpret (X-Original-To,
// Envelope-To, Precedence…) are read the same way. Raw lines are byte strings ("binary"): 8-bit
// header text is decoded as UTF-8, or as Windows-1252 when it is not valid UTF-8.
import { parseAddressHeader, type HeaderLines } from "mailparser";

export type RawHeaderLines = HeaderLines;

const utf8Strict = new TextDecoder("utf-8", { fatal: true });
const windows1252 = new TextDecoder("windows-1252");

/** Bytes given as a "binary" string, decoded as UTF-8, or as Windows-1252 when they are not UTF-8. */
export function decodeBytes(binary: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(binary)) return binary;
  const bytes = Buffer.from(binary, "latin1");
  try {
    return utf8Strict.decode(bytes);
  } catch {
    return windows1252.decode(bytes);
  }
}

export interface HeaderReader {
  /** Every value of the header, unfolded and trimmed, in order (byte strings). */
  all(name: string): string[];
  /** The first value, or null when absent. */
  first(name: string): string | null;
  has(name: string): boolean;
  /** Header lines that are not "Name: value" (broken headers). */
  broken: string[];
}

export function headerReader(lines: RawHeaderLines): HeaderReader {
  const values = new Map<string, string[]>();
  const broken: string[] = [];
  for (const { key, line } of lines) {
    const colon = line.indexOf(":");
    if (!key || colon < 0) {
      broken.push(line);
      continue;
    }
    const value = line
      .slice(colon + 1)
      .replace(/\r?\n(?=[ \t])/g, "")
      .trim();
    const list = values.get(key);
    if (list) list.push(value);
    else values.set(key, [value]);
  }
  return {
    all: (name) => values.get(name.toLowerCase()) ?? [],
    first: (name) => values.get(name.toLowerCase())?.[0] ?? null,
    has: (name) => values.has(name.toLowerCase()),
    broken,
  };
}

/** Splits a header block (bytes as a "binary" string, up to the blank line) into raw lines the way
 * mailparser does: a line starting with white space continues the one above. */
export function readHeaderLines(head: string): RawHeaderLines {
  const lines: { key: string; line: string }[] = [];
  for (const physical of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(physical) && lines.length) {
      lines[lines.length - 1]!.line += `\r\n${physical}`;
      continue;
    }
    if (physical === "") continue;
    const m = /^([^:\s]+)\s*:/.exec(physical);
    lines.push({ key: m ? m[1]!.toLowerCase() : "", line: physical });
  }
  return lines;
}

/** Message-IDs in a header value (In-Reply-To, References…), without angle brackets. A value
 * without brackets counts when it is one bare id ("abc@host"), as some clients write. */
export function messageIdsIn(value: string | null | undefined): string[] {
  if (!value) return [];
  const ids = [...value.matchAll(/<([^<>\s]{1,998})>/g)].map((m) => m[1]!);
  if (ids.length) return ids;
  const bare = value.trim();
  return /^[^\s<>@]+@[^\s<>@]+$/.test(bare) ? [bare] : [];
}

/** Addresses in address headers (groups flattened), lower-case, without brackets, in order. */
export function addressesIn(values: string[]): { address: string; name: string }[] {
  const found: { address: string; name: string }[] = [];
  for (const value of values) {
    for (const entry of parseAddressHeader(decodeBytes(value), { flatten: true }).value) {
      const address = (entry.address ?? "").trim().replace(/^<|>$/g, "").toLowerCase();
      if (address.includes("@")) found.push({ address, name: entry.name.trim() });
    }
  }
  return found;
}

/** The main value of a structured header ("multipart/report; report-type=…" → "multipart/report")
 * and its parameters, lower-case names, quotes removed. Enough for the few headers read here. */
export function structured(value: string | null): { value: string; params: Record<string, string> } {
  if (!value) return { value: "", params: {} };
  const [main = "", ...rest] = value.split(";");
  const params: Record<string, string> = {};
  for (const part of rest) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    params[part.slice(0, eq).trim().toLowerCase()] = part
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1");
  }
  return { value: main.trim().toLowerCase(), params };
}
