// Calls the REST API the way curl does: HTTP requests through the real handler behind
// app/tickets/api/[...path] (server/rest/handle.ts), with a bearer token. The database is the
// process-wide one, so call useDatabase() first (tests/support/http.ts).
import { handleRest } from "../../server/rest/handle";
import { createPersonalToken } from "../../server/api-auth/personal-tokens";
import type { Db } from "../../server/db";
import type { Principal } from "../../server/access/principal";

export const BASE = "http://mesa.test";

/** A fetch that answers from Mesa's REST handler, for openapi-fetch or direct use. */
export const restFetch = (input: Request | string | URL, init?: RequestInit): Promise<Response> =>
  handleRest(input instanceof Request ? input : new Request(new URL(String(input), BASE), init));

export interface RestOptions {
  token?: string;
  json?: unknown;
  /** A raw body, sent as is with its own content type. */
  raw?: { body: BodyInit; type?: string };
  form?: FormData;
  headers?: Record<string, string>;
}

export async function rest(method: string, path: string, options: RestOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.raw) {
    if (options.raw.type) headers["content-type"] = options.raw.type;
    body = options.raw.body;
  } else if (options.form) {
    // As curl -F: the multipart body with its boundary and its length.
    const encoded = new Response(options.form);
    headers["content-type"] = encoded.headers.get("content-type")!;
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    headers["content-length"] = String(bytes.byteLength);
    body = bytes;
  }
  if (typeof body === "string") headers["content-length"] ??= String(Buffer.byteLength(body));
  const response = await handleRest(new Request(`${BASE}${path}`, { method, headers, body }));
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, headers: response.headers, body: parsed as any };
}

/** A personal access token of this person (read-write unless said). */
export async function tokenOf(db: Db, who: Principal, scope: "read" | "read_write" = "read_write"): Promise<string> {
  return (await createPersonalToken(db, who, { name: `test ${scope}`, scope, expiresAt: null }, new Date())).token;
}
