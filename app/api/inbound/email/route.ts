// The inbound mail webhook, for mail providers that POST the raw message (RFC 822):
// `Content-Type: message/rfc822`, `Authorization: Bearer $INBOUND_EMAIL_SECRET`. 202 once the mail
// is stored (a second post of the same message stores nothing and answers 202 too), 401 without the
// secret or with a wrong one, 413 over INBOUND_EMAIL_MAX_BYTES, 415 for another body type; 404 when
// the secret is not configured (the route does not exist then). Processing happens after the answer
// (server/inbound/process.ts), so a provider never times out on Mesa's work and never re-sends a
// mail Mesa already holds.
import { timingSafeEqual } from "node:crypto";
import { getConfig } from "../../../../server/config/env";
import { getDb } from "../../../../server/db";
import { messageIdOf, sha256, storeInbound } from "../../../../server/inbound/store";

export const dynamic = "force-dynamic";

function authorized(request: Request, secret: string): boolean {
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const problem = (status: number, error: string) => Response.json({ error }, { status });

/** The body, or null as soon as it passes `max` bytes. */
async function readCapped(request: Request, max: number): Promise<Buffer | null> {
  if (!request.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

export async function POST(request: Request): Promise<Response> {
  const config = getConfig();
  if (!config.INBOUND_EMAIL_SECRET) return problem(404, "not found");
  if (!authorized(request, config.INBOUND_EMAIL_SECRET)) return problem(401, "unauthorized");
  const type = (request.headers.get("content-type") ?? "").split(";", 1)[0]!.trim().toLowerCase();
  if (type !== "message/rfc822") return problem(415, "the body must be the raw message, Content-Type: message/rfc822");
  const max = config.INBOUND_EMAIL_MAX_BYTES;
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > max) return problem(413, `the message is larger than ${max} bytes`);
  const raw = await readCapped(request, max);
  if (!raw) return problem(413, `the message is larger than ${max} bytes`);
  if (!raw.length) return problem(400, "the body is empty");
  const messageId = messageIdOf(raw);
  const sourceKey = `webhook:${messageId ? `id:${messageId.toLowerCase()}` : `sha256:${sha256(raw)}`}`;
  const { id, stored } = await storeInbound(getDb(), { source: "webhook", sourceKey, raw });
  return Response.json({ id, duplicate: !stored }, { status: 202 });
}
