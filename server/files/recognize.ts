// Recognizing an uploaded file: its name must end in an allowed extension AND its bytes must show
// that type (magic bytes), so a renamed executable is refused whatever it is called.
import { open } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import { contentMatches, typeByName, type FileTypeSpec } from "./file-types";

export type Recognition = { ok: true; type: FileTypeSpec } | { ok: false; reason: "type_not_allowed" | "content_mismatch" };

/** Plain text has no signature: it is text when the first 64 KiB hold no NUL byte. */
async function looksLikeText(path: string): Promise<boolean> {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return !buffer.subarray(0, bytesRead).includes(0);
  } finally {
    await handle.close();
  }
}

export async function recognizeFile(path: string, name: string, allowed: readonly string[]): Promise<Recognition> {
  const claimed = typeByName(name, allowed);
  if (!claimed) return { ok: false, reason: "type_not_allowed" };
  const sniffed = (await fileTypeFromFile(path))?.ext ?? ((await looksLikeText(path)) ? "text" : "unknown");
  return contentMatches(claimed, sniffed) ? { ok: true, type: claimed } : { ok: false, reason: "content_mismatch" };
}
