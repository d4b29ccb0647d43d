// Attachments on uploadthing (when UPLOADTHING_TOKEN is set). Files are uploaded from the server
// after Mesa has checked them, as private files: the only way to them is Mesa's authorized download
// route, which fetches a short-lived signed URL and streams it through. uploadthing's keys are
// opaque and flat, so a "space" is kept in Mesa's database only (move is a no-op).
import { readFile, unlink } from "node:fs/promises";
import type { UTApi } from "uploadthing/server";
import type { FileStorage } from "./contract";
import { spacePattern } from "./contract";

// The SDK holds 36 MB of heap once loaded: only a deployment that keeps files there loads it.
const sdk = () => import("uploadthing/server");

export class UploadthingStorage implements FileStorage {
  readonly kind = "uploadthing" as const;
  private client?: Promise<UTApi>;
  constructor(private readonly token: string) {}

  private get api(): Promise<UTApi> {
    return (this.client ??= sdk().then(({ UTApi }) => new UTApi({ token: this.token })));
  }

  async put(space: string, sourcePath: string, meta: { name: string; contentType: string }): Promise<string> {
    if (!spacePattern.test(space)) throw new Error(`not a storage space: ${JSON.stringify(space)}`);
    const { UTFile } = await sdk();
    const file = new UTFile([await readFile(sourcePath)], meta.name, { type: meta.contentType });
    const result = await (await this.api).uploadFiles(file, { acl: "private", contentDisposition: "attachment" });
    await unlink(sourcePath).catch(() => {});
    if (result.error) throw new Error(`uploadthing refused the file: ${result.error.message}`);
    return result.data.key;
  }

  async read(key: string): Promise<ReadableStream<Uint8Array> | null> {
    const { ufsUrl } = await (await this.api).generateSignedURL(key, { expiresIn: 60 });
    const response = await fetch(ufsUrl);
    if (response.status === 404) return null;
    if (!response.ok || !response.body) throw new Error(`uploadthing answered ${response.status} for a stored file`);
    return response.body;
  }

  async move(key: string): Promise<string> {
    return key;
  }

  async remove(key: string): Promise<void> {
    await (await this.api).deleteFiles(key);
  }
}
