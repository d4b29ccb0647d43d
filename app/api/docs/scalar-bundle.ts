// Scalar's standalone bundle (@scalar/api-reference), served by Mesa itself: the docs page must work
// where there is no internet, so nothing is loaded from a CDN. Read once per process from the
// installed package and kept with its ETag, which also versions the page's <script> URL.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

export interface ScalarBundle {
  body: Buffer;
  etag: string;
  /** A short hash of the bundle, for `?v=` in the page's script URL (so it may be cached for good). */
  version: string;
}

let loading: Promise<ScalarBundle> | null = null;

async function load(): Promise<ScalarBundle> {
  const file = path.join(process.cwd(), "node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js");
  const body = await readFile(file);
  const version = createHash("sha256").update(body).digest("hex").slice(0, 16);
  return { body, etag: `"${version}"`, version };
}

export function scalarBundle(): Promise<ScalarBundle> {
  // A failed read is not remembered: the next request tries again.
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
