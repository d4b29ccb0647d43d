// Recognizing an uploaded file by its bytes (magic bytes): they must show the type its name claims,
// so a renamed executable is refused whatever it is called.
import { open } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import { contentMatches, type FileTypeSpec } from "./file-types";

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

/** Whether the file at `path` holds what `claimed` (the type of its name) says. */
export async function contentIs(path: string, claimed: FileTypeSpec): Promise<boolean> {
  const sniffed = (await fileTypeFromFile(path))?.ext ?? ((await looksLikeText(path)) ? "text" : "unknown");
  return contentMatches(claimed, sniffed);
}
