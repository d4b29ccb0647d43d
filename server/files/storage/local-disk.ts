// Attachments on the local disk, under DATA_DIR/files/<space>/<random name>. Keys are checked
// against their exact shape before they touch a path, so no key can reach outside the folder.
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import type { FileStorage } from "./contract";
import { spacePattern } from "./contract";

const keyPattern = /^((?:org|user)-[0-9a-f-]{36})\/([0-9a-f]{32})$/;

export class LocalDiskStorage implements FileStorage {
  readonly kind = "local" as const;
  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    const match = keyPattern.exec(key);
    if (!match || !spacePattern.test(match[1]!)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
    return path.join(this.root, match[1]!, match[2]!);
  }

  /** Moves `source` into `space` under a new random key. */
  private async place(source: string, space: string): Promise<string> {
    if (!spacePattern.test(space)) throw new Error(`not a storage space: ${JSON.stringify(space)}`);
    const key = `${space}/${randomBytes(16).toString("hex")}`;
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await rename(source, target);
    } catch (error) {
      // Another file system (a temporary folder elsewhere): copy, then let the source go.
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
      await copyFile(source, target);
      await unlink(source);
    }
    return key;
  }

  put(space: string, sourcePath: string): Promise<string> {
    return this.place(sourcePath, space);
  }

  async read(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const file = this.pathOf(key);
    try {
      if (!(await stat(file)).isFile()) return null;
    } catch {
      return null;
    }
    return Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  }

  async move(key: string, space: string): Promise<string> {
    if (key.startsWith(`${space}/`)) return key;
    return this.place(this.pathOf(key), space);
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
