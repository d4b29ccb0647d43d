// The outside world the app talks to during end-to-end tests, in one process:
// - a real SMTP server (127.0.0.1:2526) keeping every message it receives, parsed;
// - a local OpenID provider standing in for Google (127.0.0.1:3190), whose tokens carry the identity
//   a test asked for;
// - a small HTTP API for the tests (127.0.0.1:3191): GET /mail?to=, POST /oidc/next-identity, GET /health.
// Run with `node --import tsx tests/e2e/support/fixtures-server.ts` (Playwright's webServer does).
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { simpleParser } from "mailparser";
import { OAuth2Server } from "oauth2-mock-server";
import { SMTPServer } from "smtp-server";
import { FIXTURES, IDENTITY_COOKIE, type Identity, type ReceivedMail } from "./fixtures-config";

// ---- SMTP ------------------------------------------------------------------------------------
const mails: ReceivedMail[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  // Plain SMTP on loopback: no STARTTLS (nodemailer would reject our self-signed certificate).
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        mails.push({
          to,
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
          html: typeof parsed.html === "string" ? parsed.html : "",
          messageId: parsed.messageId ?? "",
          replyTo: parsed.replyTo?.value[0]?.address ?? "",
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});

// ---- OpenID provider ---------------------------------------------------------------------------
// An identity is chosen before the browser goes to /authorize: by a cookie naming it (race-free when
// tests run in parallel), else the oldest identity posted without a cookie. It is bound to the
// authorization code there, and put into the tokens when the app redeems that code.
const identities = new Map<string, Identity>();
const unclaimed: string[] = [];
const byCode = new Map<string, Identity>();

const oidc = new OAuth2Server();
oidc.issuer.url = FIXTURES.oidcIssuer; // not "localhost": the app is configured with 127.0.0.1

oidc.service.on("beforeAuthorizeRedirect", (redirect: { url: URL }, req: IncomingMessage) => {
  const code = redirect.url.searchParams.get("code");
  if (!code) return;
  const cookie = cookieValue(req, IDENTITY_COOKIE);
  let key: string | undefined;
  if (cookie && identities.has(cookie)) {
    key = cookie;
    // Claimed by its cookie: it leaves the queue, so a cookie-less request never takes it.
    if (unclaimed.includes(cookie)) unclaimed.splice(unclaimed.indexOf(cookie), 1);
  } else {
    key = unclaimed.shift();
  }
  const identity = key ? identities.get(key) : undefined;
  if (identity) byCode.set(code, identity);
});

oidc.service.on(
  "beforeTokenSigning",
  (token: { payload: Record<string, unknown> }, req: IncomingMessage & { body?: Record<string, unknown> }) => {
    const code = req.body?.code;
    const identity = typeof code === "string" ? byCode.get(code) : undefined;
    if (!identity) return;
    Object.assign(token.payload, {
      sub: identity.sub,
      email: identity.email,
      email_verified: identity.email_verified ?? true,
      name: identity.name,
    });
  },
);

function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

// ---- HTTP API for the tests -------------------------------------------------------------------
function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
}

const api = createServer((req, res) => {
  const url = new URL(req.url ?? "/", FIXTURES.apiUrl);
  if (req.method === "GET" && url.pathname === "/health") return json(res, 200, { status: "ok" });
  if (req.method === "GET" && url.pathname === "/mail") {
    const to = url.searchParams.get("to")?.toLowerCase();
    return json(res, 200, to ? mails.filter((m) => m.to.includes(to)) : mails);
  }
  if (req.method === "POST" && url.pathname === "/oidc/next-identity") {
    readJson(req)
      .then((body) => {
        const b = body as Partial<Identity>;
        if (!b.sub || !b.email) return json(res, 400, { error: "sub and email are required" });
        const key = randomUUID();
        identities.set(key, { sub: b.sub, email: b.email, name: b.name ?? b.email, email_verified: b.email_verified });
        unclaimed.push(key);
        json(res, 200, { key, cookie: IDENTITY_COOKIE });
      })
      .catch((error: Error) => json(res, 400, { error: error.message }));
    return;
  }
  json(res, 404, { error: "not found" });
});

await oidc.issuer.keys.generate("RS256");
await oidc.start(FIXTURES.oidcPort, FIXTURES.host);
await new Promise<void>((resolve, reject) => smtp.listen(FIXTURES.smtpPort, FIXTURES.host, resolve).once("error", reject));
await new Promise<void>((resolve, reject) => api.listen(FIXTURES.apiPort, FIXTURES.host, resolve).once("error", reject));
console.info(`[fixtures] SMTP ${FIXTURES.host}:${FIXTURES.smtpPort}, OpenID ${FIXTURES.oidcIssuer}, API ${FIXTURES.apiUrl}`);

async function stop() {
  await Promise.allSettled([oidc.stop(), new Promise<void>((r) => smtp.close(() => r())), new Promise<void>((r) => api.close(() => r()))]);
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
