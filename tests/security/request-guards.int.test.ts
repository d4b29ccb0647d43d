// The request guards (server/http/): first as pure decisions on a request's method, path and
// headers, then in front of a real HTTP server the way server/main.ts puts them in front of Next,
// with real sockets, and on the real upload route. As found:
// - CSRF rested on SameSite alone: a multipart POST with a foreign Origin reached a mutation, and a
//   same-site text/plain form POST created an upload counting against the victim's quota;
// - no body limits: four concurrent anonymous 100 MB bodies were parsed in full before validation;
// - no security headers on pages or API.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { connect as connectTcp, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as uploadRoute } from "../../app/api/attachments/route";
import { createSession } from "../../server/auth/sessions";
import type { Db } from "../../server/db";
import { guardedHandler } from "../../server/http/pipeline";
import { bodyLimitFor, DEFAULT_BODY_LIMIT, guardRequest, TRPC_BODY_LIMIT, type RequestFacts } from "../../server/http/request-guard";
import { API_CSP, HSTS } from "../../server/http/security-headers";
import { pagePolicy } from "../../server/http/content-security-policy";
import { makeUser } from "../support/factories";
import { sessionCookie, useDatabase } from "../support/http";
import { createTestDatabase, type TestDatabase } from "../support/test-db";

const APP = "https://help.example.com";
const config = { appOrigin: APP };
const post = (url: string, headers: Record<string, string> = {}): RequestFacts => ({ method: "POST", url, headers });
const decide = (facts: RequestFacts) => guardRequest(facts, config)?.status ?? "ok";
const cookie = { cookie: "next-auth.session-token=abc" };

describe("origin check (pure)", () => {
  it("refuses a state-changing request from another origin, as found (multipart POST to a mutation)", () => {
    expect(
      decide(
        post("/api/trpc/tickets.create", { ...cookie, origin: "https://evil.example", "content-type": "multipart/form-data; boundary=x" }),
      ),
    ).toBe(403);
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      expect(decide({ method, url: "/api/attachments/abc", headers: { ...cookie, origin: "https://evil.example" } })).toBe(403);
    }
  });

  it("refuses a same-site page (a sibling subdomain) and opaque origins", () => {
    expect(decide(post("/api/trpc/tickets.create", { ...cookie, origin: "https://files.example.com" }))).toBe(403);
    expect(decide(post("/api/trpc/tickets.create", { ...cookie, origin: "http://help.example.com" }))).toBe(403); // another scheme
    expect(decide(post("/api/trpc/tickets.create", { ...cookie, origin: "https://help.example.com:8443" }))).toBe(403);
    expect(decide(post("/api/trpc/tickets.create", { ...cookie, origin: "null" }))).toBe(403);
    expect(decide(post("/api/trpc/tickets.create", { ...cookie, "sec-fetch-site": "same-site" }))).toBe(403);
    expect(decide(post("/api/trpc/tickets.create", { ...cookie, "sec-fetch-site": "cross-site" }))).toBe(403);
    expect(decide(post("/api/trpc/tickets.create", { ...cookie, referer: "https://files.example.com/form.html" }))).toBe(403);
  });

  it("lets Mesa's own pages through, by Origin, Sec-Fetch-Site or Referer", () => {
    expect(decide(post("/api/trpc/tickets.create", { ...cookie, origin: APP }))).toBe("ok");
    expect(decide(post("/api/trpc/tickets.create", { ...cookie, "sec-fetch-site": "same-origin" }))).toBe("ok");
    expect(decide(post("/api/auth/callback/credentials", { cookie: "next-auth.csrf-token=x", origin: APP }))).toBe("ok");
    expect(decide(post("/api/trpc/tickets.create", { ...cookie, referer: `${APP}/es/tickets/new` }))).toBe("ok");
  });

  it("never checks reads", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(decide({ method, url: "/api/trpc/profile.get", headers: { ...cookie, origin: "https://evil.example" } })).toBe("ok");
  });

  it("lets non-browser clients through: no Origin, no Sec-Fetch-Site, no Referer", () => {
    expect(decide(post("/api/trpc/tickets.create", cookie))).toBe("ok");
    expect(decide(post("/api/trpc/tickets.create"))).toBe("ok");
  });

  it("does not check what carries no ambient credential, nor the automation tick", () => {
    // A bearer-token API client, even from a browser on another origin (CORS): nothing to forge.
    expect(decide(post("/tickets/api/v1/tickets", { authorization: "Bearer t0k3n", origin: "https://integrations.example" }))).toBe("ok");
    expect(decide(post("/api/token/refresh", { authorization: "Bearer t0k3n" }))).toBe("ok");
    // …but a bearer header does not excuse a request that also carries the session cookie.
    expect(decide(post("/api/trpc/tickets.create", { ...cookie, authorization: "Bearer x", origin: "https://evil.example" }))).toBe(403);
    expect(decide(post("/api/cron/tick", { authorization: "Bearer secret", origin: "https://scheduler.example" }))).toBe("ok");
    expect(decide(post("/api/cron/tick"))).toBe("ok");
  });

  it("is not dodged by spelling the path differently", () => {
    expect(decide(post("/api/cron/../trpc/tickets.create", { ...cookie, origin: "https://evil.example" }))).toBe(403);
    expect(decide(post("//api/cron/%2e%2e/trpc/tickets.create", { ...cookie, origin: "https://evil.example" }))).toBe(403);
    expect(decide(post("http://help.example.com/api/trpc/x", { ...cookie, origin: "https://evil.example" }))).toBe(403);
  });
});

describe("uploads (pure)", () => {
  const upload = (headers: Record<string, string>) =>
    decide(post("/api/attachments?name=a.txt&organizationId=", { ...cookie, ...headers }));

  it("refuses what an HTML form can send, as found (same-site text/plain form POST)", () => {
    expect(upload({ origin: "https://files.example.com", "content-type": "text/plain" })).toBe(403);
    // Even from a browser that sent no Origin: a form cannot send the app's upload.
    expect(upload({ "content-type": "text/plain" })).toBe(415);
    expect(upload({ "content-type": "application/x-www-form-urlencoded" })).toBe(415);
    expect(upload({ "content-type": "multipart/form-data; boundary=x" })).toBe(415);
    expect(upload({})).toBe(415);
    expect(upload({ "content-type": "application/octet-stream" })).toBe(403); // without the app's header
  });

  it("accepts the app's upload code (upload-file.ts)", () => {
    expect(upload({ origin: APP, "content-type": "application/octet-stream", "x-mesa-locale": "es" })).toBe("ok");
    expect(upload({ "content-type": "application/octet-stream", "x-mesa-locale": "es" })).toBe("ok");
  });
});

describe("body limits (pure)", () => {
  it("gives tRPC 1 MiB, other routes a small default, uploads their own", () => {
    expect(bodyLimitFor("POST", "/api/trpc/tickets.create?batch=1")).toBe(TRPC_BODY_LIMIT);
    expect(bodyLimitFor("POST", "/api/auth/callback/credentials")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("POST", "/api/cron/tick")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("POST", "/es/tickets")).toBe(DEFAULT_BODY_LIMIT);
    expect(bodyLimitFor("POST", "/api/attachments?name=a.log")).toBeNull();
  });

  it("refuses a declared length over the limit before reading anything", () => {
    const big = (url: string, length: number) => decide(post(url, { origin: APP, "content-length": String(length) }));
    expect(big("/api/trpc/tickets.create", 2 * 1024 * 1024)).toBe(413);
    expect(big("/api/trpc/tickets.create", TRPC_BODY_LIMIT)).toBe("ok");
    expect(big("/api/auth/callback/credentials", 100 * 1024 * 1024)).toBe(413);
    expect(
      decide(
        post("/api/attachments?name=a.log", {
          origin: APP,
          "content-type": "application/octet-stream",
          "x-mesa-locale": "es",
          "content-length": String(100 * 1024 * 1024),
        }),
      ),
    ).toBe("ok"); // the upload route refuses it itself from the declared size (policy)
  });
});

describe("page policy", () => {
  it("allows scripts by nonce only, never framing, https-only upgrades on https", () => {
    const policy = pagePolicy({ nonce: "bm9uY2U=", appUrl: APP, dev: false });
    expect(policy).toContain("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy).toContain("style-src 'self' 'nonce-bm9uY2U='");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("upgrade-insecure-requests");
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("unsafe-eval");
    expect(pagePolicy({ nonce: "x", appUrl: "http://localhost:3000", dev: false })).not.toContain("upgrade-insecure-requests");
  });
});

// ————————————————————————————————————————————————————————————————————————— a real server

let server: Server;
let port: number;
const reached: { url: string; bytes: number; sha: string }[] = [];

/** Stands in for Next: reads the whole body and says what it got. */
async function downstream(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of req) {
    bytes += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  const sha = hash.digest("hex");
  reached.push({ url: req.url ?? "", bytes, sha });
  if (req.url?.startsWith("/api/attachments/")) res.setHeader("content-security-policy", "default-src 'none'; img-src 'self'; sandbox");
  if (req.url?.startsWith("/es/")) res.setHeader("content-security-policy", "script-src 'nonce-abc'; frame-ancestors 'none'");
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ bytes, sha }));
}

beforeAll(async () => {
  server = createServer(guardedHandler(downstream, { appOrigin: APP, appUrl: APP }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/**
 * One request over a raw socket, so the test controls exactly what is sent: the head, then body
 * pieces until the body is done or the server has answered (a server that refuses early is not made
 * to wait for the rest). Resolves with the status and the whole answer.
 */
function raw(head: string, body: Iterable<Buffer> = []): Promise<{ status: number; text: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const socket = connectTcp(port, "127.0.0.1");
    let answer = "";
    let sent = 0;
    socket.on("data", (d) => (answer += d.toString("latin1")));
    socket.on("error", () => {}); // the server may close while we still send: its answer counts
    socket.on("close", () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      if (!status) reject(new Error(`no answer (sent ${sent} bytes)`));
      else resolve({ status, text: answer, sent });
    });
    socket.on("connect", async () => {
      socket.write(head);
      for (const piece of body) {
        if (answer || socket.destroyed) break;
        if (!socket.write(piece)) await new Promise((r) => socket.once("drain", r));
        sent += piece.length;
      }
      if (!answer && !socket.destroyed) socket.end();
    });
  });
}

function* chunked(total: number, size = 64 * 1024): Generator<Buffer> {
  for (let left = total; left > 0; left -= size) {
    const piece = randomBytes(Math.min(size, left));
    yield Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")]);
  }
  yield Buffer.from("0\r\n\r\n");
}

const headOf = (lines: string[]) => [...lines, "Connection: close", "", ""].join("\r\n");

describe("in front of a real server", () => {
  it("answers a foreign Origin POST with 403 JSON; it never reaches the application", async () => {
    const before = reached.length;
    const body = '{"json":{"subject":"forged"}}';
    const { status, text } = await raw(
      headOf([
        "POST /api/trpc/tickets.create HTTP/1.1",
        "Host: help.example.com",
        "Origin: https://evil.example",
        "Cookie: next-auth.session-token=x",
        "Content-Type: text/plain",
        `Content-Length: ${body.length}`,
      ]),
      [Buffer.from(body)],
    );
    expect(status).toBe(403);
    expect(text).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4))).toMatchObject({ code: "cross_origin" });
    expect(reached.length).toBe(before);
  });

  it("refuses declared bodies over the limit at once: four concurrent anonymous 100 MB bodies, as found", async () => {
    const before = reached.length;
    const hundredMb = 100 * 1024 * 1024;
    const attempts = await Promise.all(
      Array.from({ length: 4 }, () =>
        raw(
          headOf([
            "POST /api/trpc/auth.register HTTP/1.1",
            "Host: help.example.com",
            "Content-Type: application/json",
            `Content-Length: ${hundredMb}`,
          ]),
          (function* () {
            for (let i = 0; i < 1600; i++) yield Buffer.alloc(64 * 1024, 0x20); // would be 100 MB
          })(),
        ),
      ),
    );
    for (const attempt of attempts) {
      expect(attempt.status).toBe(413);
      expect(attempt.sent).toBeLessThan(hundredMb / 4); // answered long before the body was sent
    }
    expect(reached.length).toBe(before);
  });

  it("counts a chunked body as it arrives and refuses it past the limit, before the application sees a byte", async () => {
    const before = reached.length;
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        raw(
          headOf([
            "POST /api/trpc/tickets.create HTTP/1.1",
            "Host: help.example.com",
            "Content-Type: application/json",
            "Transfer-Encoding: chunked",
          ]),
          chunked(20 * 1024 * 1024),
        ),
      ),
    );
    for (const result of results) {
      expect(result.status).toBe(413);
      expect(result.sent).toBeLessThan(8 * 1024 * 1024);
    }
    expect(reached.length).toBe(before);
  });

  it("hands on a chunked body within the limit whole and unchanged", async () => {
    const pieces = [...chunked(900 * 1024, 10_000)];
    const expected = createHash("sha256");
    for (const p of pieces.slice(0, -1)) expected.update(p.subarray(p.indexOf("\r\n") + 2, p.length - 2));
    const { status, text } = await raw(
      headOf(["POST /api/trpc/tickets.create HTTP/1.1", "Host: help.example.com", "Transfer-Encoding: chunked"]),
      pieces,
    );
    expect(status).toBe(200);
    expect(JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4))).toEqual({ bytes: 900 * 1024, sha: expected.digest("hex") });
  });

  it("answers a 2 MB JSON body to tRPC with 413 over an ordinary client", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/trpc/tickets.create`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP },
      body: JSON.stringify({ json: { description: "x".repeat(2 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "payload_too_large" });
  });

  it("puts the security headers on every response, keeping a route's own CSP", async () => {
    const api = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(Object.fromEntries(api.headers)).toMatchObject({
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
      "content-security-policy": API_CSP,
      "strict-transport-security": HSTS,
    });
    const download = await fetch(`http://127.0.0.1:${port}/api/attachments/abc?inline=1`);
    expect(download.headers.get("content-security-policy")).toBe("default-src 'none'; img-src 'self'; sandbox");
    expect(download.headers.get("x-frame-options")).toBe("DENY");
    const page = await fetch(`http://127.0.0.1:${port}/es/tickets`);
    expect(page.headers.get("content-security-policy")).toBe("script-src 'nonce-abc'; frame-ancestors 'none'");
    const refused = await fetch(`http://127.0.0.1:${port}/api/trpc/x`, { method: "POST", headers: { origin: "https://evil.example" } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("x-frame-options")).toBe("DENY");
  });

  it("sends no HSTS when Mesa is served over plain http", async () => {
    const plain = createServer(guardedHandler(downstream, { appOrigin: "http://localhost:3000", appUrl: "http://localhost:3000" }));
    await new Promise<void>((resolve) => plain.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/api/health`);
      expect(response.headers.get("strict-transport-security")).toBeNull();
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    } finally {
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });
});

// ————————————————————————————————————————————————————————————————————— the real upload route

describe("the upload route", () => {
  let database: TestDatabase;
  let db: Db;
  let session: string;
  let userId: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    useDatabase(database);
    const user = await makeUser(db, { locale: "es" });
    userId = user.id;
    session = await sessionCookie(user.id, await createSession(db, user.id, new Date()));
  });
  afterAll(async () => {
    useDatabase(undefined);
    await database?.close();
  });

  const send = (headers: Record<string, string>, body: string) =>
    uploadRoute(
      new Request("http://mesa.test/api/attachments?name=notas.txt&organizationId=", {
        method: "POST",
        headers: { cookie: session, ...headers },
        body,
      }),
    );

  it("refuses a form's text/plain post with the victim's cookie: no upload, nothing counted", async () => {
    const response = await send({ "content-type": "text/plain" }, "notas=del+atacante");
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ code: "not_an_upload" });
    expect((await send({ "content-type": "application/octet-stream" }, "sin cabecera de la app")).status).toBe(403);
    expect(await db.attachment.count({ where: { uploaderId: userId } })).toBe(0);
  });

  it("still takes the app's own upload", async () => {
    const response = await send({ "content-type": "application/octet-stream", "x-mesa-locale": "es" }, "pasos para reproducir\n");
    expect(response.status).toBe(201);
    expect(await db.attachment.count({ where: { uploaderId: userId } })).toBe(1);
  });
});
