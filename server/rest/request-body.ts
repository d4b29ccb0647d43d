// Reads a REST request's body at the edge: JSON (malformed is a 400 that says so, never a 500) or,
// where the route takes it, multipart/form-data with files, refused with 413 before it is read when
// its declared size is over the attachment policy's limit for one message.
import { createHash } from "node:crypto";
import type { AppLocale } from "../i18n/locales";
import { problem, type Problem } from "./problem";

export const JSON_BODY_LIMIT = 1024 * 1024;
/** Room for the form's boundaries and text fields beside the files. */
const MULTIPART_OVERHEAD = 256 * 1024;

export type ReadBody =
  | { ok: true; kind: "none" | "json"; value: unknown; raw: string }
  /** `raw` for a form: its fields and each file's name and sha256 (the boundary differs per request). */
  | { ok: true; kind: "multipart"; value: Record<string, string>; files: File[]; raw: string }
  | { ok: false; problem: Problem };

const mediaType = (request: Request) => (request.headers.get("content-type") ?? "").split(";", 1)[0]!.trim().toLowerCase();

/** The whole stream, or null as soon as it passes `limit` bytes (the rest is not read). */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Stop reading; the rest of the body is dropped with the request.
      reader.releaseLock();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

export async function readBody(
  request: Request,
  accepts: { multipart: boolean },
  locale: AppLocale,
  maxMessageBytes: () => Promise<number>,
): Promise<ReadBody> {
  const type = mediaType(request);
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (!request.body || declared === 0) return { ok: true, kind: "none", value: undefined, raw: "" };
  if (type === "multipart/form-data" && accepts.multipart) {
    const limit = (await maxMessageBytes()) + MULTIPART_OVERHEAD;
    const tooLarge = { ok: false as const, problem: problem(413, "payload_too_large", locale, "Errors.payloadTooLarge") };
    // A declared size over the limit is refused unread; an undeclared one is counted as it arrives.
    if (declared > limit) return tooLarge;
    const bytes = await readAtMost(request.body, limit);
    if (!bytes) return tooLarge;
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
    } catch {
      return { ok: false, problem: problem(400, "invalid_input", locale, "Errors.malformedBody") };
    }
    const value: Record<string, string> = {};
    const files: File[] = [];
    for (const [name, entry] of form.entries()) {
      if (typeof entry === "string") value[name] ??= entry;
      else if (name === "attachments") files.push(entry);
    }
    const digests = await Promise.all(
      files.map(async (f) => [
        f.name,
        createHash("sha256")
          .update(new Uint8Array(await f.arrayBuffer()))
          .digest("hex"),
      ]),
    );
    return { ok: true, kind: "multipart", value, files, raw: JSON.stringify({ value, files: digests }) };
  }
  // JSON is read for every operation (an operation without a body ignores `{}`).
  if (type === "application/json" || type === "") {
    if (declared > JSON_BODY_LIMIT) return { ok: false, problem: problem(413, "payload_too_large", locale, "Errors.payloadTooLarge") };
    const raw = await request.text();
    if (raw.length > JSON_BODY_LIMIT) return { ok: false, problem: problem(413, "payload_too_large", locale, "Errors.payloadTooLarge") };
    if (!raw.trim()) return { ok: true, kind: "none", value: undefined, raw };
    try {
      return { ok: true, kind: "json", value: JSON.parse(raw), raw };
    } catch {
      return { ok: false, problem: problem(400, "invalid_input", locale, "Errors.malformedJson") };
    }
  }
  return { ok: false, problem: problem(415, "unsupported_media_type", locale, "Errors.unsupportedMediaType") };
}
