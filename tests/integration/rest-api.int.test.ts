// The REST API over HTTP as a customer's script uses it: who sees what (the one visibility rule,
// 404 for anything not visible), what a partner's or a read-only token may not do, the errors a
// client can act on, rate limits, Idempotency-Key, pagination, files, and support's operations.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { handleRest } from "../../server/rest/handle";
import { useDatabase } from "../support/http";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { exeBytes, MiB, pngBytes, textBytes } from "../support/files";
import { message } from "../support/messages";
import { BASE, rest, tokenOf } from "../support/rest";

let world: DemoWorld;
let db: Db;
const token: Record<string, string> = {};
let acmeTicket: { id: string; number: string };
let acmeFile: string;

beforeAll(async () => {
  world = await openDemoWorld();
  db = world.db;
  useDatabase(world.database);
  for (const email of ["partner@demo.test", "partner2@demo.test", "agent@demo.test", "admin@demo.test"])
    token[email] = await tokenOf(db, await world.login(email));
  token.readOnly = await tokenOf(db, await world.login("partner@demo.test"), "read");
  const acme = await db.organization.findFirstOrThrow({ where: { name: "Acme Hosting" } });
  const created = await rest("POST", "/tickets/api/tickets/", {
    token: token["partner@demo.test"],
    json: { subject: "Servidor caído", department: "soporte-tecnico", organization: acme.id, messages: [{ body: "El VPS no responde." }] },
  });
  expect(created.status).toBe(201);
  acmeTicket = created.body;
  const form = new FormData();
  form.set("body", "Captura del error");
  form.append("attachments", new Blob([new Uint8Array(pngBytes())], { type: "image/png" }), "captura.png");
  const reply = await rest("POST", `/tickets/api/tickets/${acmeTicket.id}/reply/`, { token: token["partner@demo.test"], form });
  expect(reply.status).toBe(201);
  acmeFile = reply.body.attachments[0].id;
});
afterAll(async () => {
  useDatabase(undefined);
  await world?.close();
});

describe("isolation", () => {
  it("a Globex token gets 404 on every Acme path, shaped like a path that does not exist", async () => {
    const globex = token["partner2@demo.test"];
    const missing = await rest("GET", `/tickets/api/tickets/00000000-0000-4000-8000-000000000000/`, { token: globex });
    expect(missing.status).toBe(404);
    const attempts = [
      rest("GET", `/tickets/api/tickets/${acmeTicket.id}/`, { token: globex }),
      rest("GET", `/tickets/api/tickets/${acmeTicket.number}/`, { token: globex }),
      rest("POST", `/tickets/api/tickets/${acmeTicket.id}/reply/`, { token: globex, json: { body: "hola" } }),
      rest("POST", `/tickets/api/tickets/${acmeTicket.id}/reply/`, {
        token: globex,
        form: (() => {
          const f = new FormData();
          f.set("body", "con archivo");
          f.append("attachments", new Blob([new Uint8Array(pngBytes())]), "x.png");
          return f;
        })(),
      }),
      rest("POST", `/tickets/api/tickets/${acmeTicket.id}/watchers/`, {
        token: globex,
        json: { user: (await world.login("partner2@demo.test")).id },
      }),
      rest("DELETE", `/tickets/api/tickets/${acmeTicket.id}/watchers/${(await world.login("partner@demo.test")).id}/`, { token: globex }),
      rest("POST", `/tickets/api/tickets/${acmeTicket.id}/close/`, { token: globex }),
      rest("POST", `/tickets/api/tickets/${acmeTicket.id}/reopen/`, { token: globex }),
      rest("GET", `/tickets/api/attachments/${acmeFile}/`, { token: globex }),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.status).toBe(404);
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
    }
    const listed = await rest("GET", `/tickets/api/tickets/?search=${acmeTicket.number}`, { token: globex });
    expect(listed.body).toMatchObject({ count: 0, results: [] });
    const bySubject = await rest("GET", `/tickets/api/tickets/?search=${encodeURIComponent("Servidor caído")}`, { token: globex });
    expect(bySubject.body.count).toBe(0);
    // Nothing was written by those attempts.
    expect(await db.message.count({ where: { ticketId: acmeTicket.id, kind: "public" } })).toBe(2);
    expect(await db.attachment.count({ where: { ticket: { id: acmeTicket.id } } })).toBe(1);
  });

  it("the requester finds their ticket by number, subject and message text", async () => {
    const partner = token["partner@demo.test"];
    for (const search of [acmeTicket.number, "Servidor", "responde"]) {
      const found = await rest("GET", `/tickets/api/tickets/?search=${encodeURIComponent(search)}`, { token: partner });
      expect(found.body.results.map((t: { id: string }) => t.id)).toContain(acmeTicket.id);
    }
  });

  it("a partner's token gets 403 or 404 on every staff operation, and cannot write internal notes", async () => {
    const partner = token["partner@demo.test"];
    const agentId = (await world.login("agent@demo.test")).id;
    const answers = await Promise.all([
      rest("POST", `/tickets/api/tickets/${acmeTicket.id}/take/`, { token: partner }),
      rest("POST", `/tickets/api/tickets/${acmeTicket.id}/assign/`, { token: partner, json: { assignee: agentId } }),
      rest("POST", `/tickets/api/tickets/${acmeTicket.id}/status/`, { token: partner, json: { status: "resolved" } }),
      rest("POST", `/tickets/api/tickets/${acmeTicket.id}/priority/`, { token: partner, json: { priority: "critical" } }),
      rest("POST", `/tickets/api/tickets/${acmeTicket.id}/department/`, { token: partner, json: { department: 2 } }),
      rest("POST", `/tickets/api/tickets/${acmeTicket.id}/reply/`, { token: partner, json: { body: "nota", message_type: "note" } }),
    ]);
    for (const answer of answers) expect([403, 404]).toContain(answer.status);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: acmeTicket.id } });
    expect(ticket).toMatchObject({ assigneeId: null, status: "new" });
    expect(await db.message.count({ where: { ticketId: acmeTicket.id, kind: "internal" } })).toBe(0);
  });

  it("a read-only token reads but cannot write", async () => {
    const read = await rest("GET", `/tickets/api/tickets/${acmeTicket.id}/`, { token: token.readOnly });
    expect(read.status).toBe(200);
    const write = await rest("POST", `/tickets/api/tickets/${acmeTicket.id}/reply/`, {
      token: token.readOnly,
      json: { body: "no debería entrar" },
      headers: { "accept-language": "en" },
    });
    expect(write.status).toBe(403);
    expect(write.body.detail).toBe(message("en", "Errors.tokenReadOnly"));
    const create = await rest("POST", "/tickets/api/tickets/", {
      token: token.readOnly,
      json: { subject: "No", department: 1, messages: [{ body: "No" }] },
    });
    expect(create.status).toBe(403);
    expect(await db.message.count({ where: { body: "no debería entrar" } })).toBe(0);
  });

  it("without a token, or with a made-up one, the answer is 401 with a bearer challenge", async () => {
    const none = await rest("GET", "/tickets/api/departments/");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    const forged = await rest("GET", "/tickets/api/departments/", { token: "mesa_pat_forged" });
    expect(forged.status).toBe(401);
    expect(forged.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });
});

describe("files", () => {
  it("the requester downloads the attachment sent by multipart, byte for byte", async () => {
    const detail = await rest("GET", `/tickets/api/tickets/${acmeTicket.id}/`, { token: token["agent@demo.test"] });
    const file = detail.body.messages.flatMap((m: { attachments: { id: string; url: string }[] }) => m.attachments)[0];
    expect(file.url).toBe(`${BASE}/tickets/api/attachments/${acmeFile}/`);
    const response = await handleRest(new Request(file.url, { headers: { authorization: `Bearer ${token["partner@demo.test"]}` } }));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(pngBytes())).toBe(true);
  });

  it("a 25 MB multipart is refused with 413 before it is read (declared or not), and nothing is written", async () => {
    const before = await db.message.count({ where: { ticketId: acmeTicket.id } });
    const form = new FormData();
    form.set("body", "Logs enormes");
    form.append("attachments", new Blob([new Uint8Array(textBytes(25 * MiB))]), "enorme.log");
    const answer = await rest("POST", `/tickets/api/tickets/${acmeTicket.id}/reply/`, {
      token: token["partner@demo.test"],
      form,
      headers: { "accept-language": "es-ES,es;q=0.9" },
    });
    expect(answer.status).toBe(413);
    expect(answer.body.detail).toBe(message("es", "Errors.payloadTooLarge"));
    // Streamed without a Content-Length, it is counted as it arrives and cut off at the limit.
    const encoded = new Response(form);
    const streamed = await handleRest(
      new Request(`${BASE}/tickets/api/tickets/${acmeTicket.id}/reply/`, {
        method: "POST",
        headers: { authorization: `Bearer ${token["partner@demo.test"]}`, "content-type": encoded.headers.get("content-type")! },
        body: encoded.body,
        duplex: "half",
      } as RequestInit),
    );
    expect(streamed.status).toBe(413);
    expect(await db.message.count({ where: { ticketId: acmeTicket.id } })).toBe(before);
  });

  it("a forbidden file type is refused naming the file, and the reply with it is not written", async () => {
    const before = await db.message.count({ where: { ticketId: acmeTicket.id } });
    const form = new FormData();
    form.set("body", "Adjunto el instalador");
    form.append("attachments", new Blob([new Uint8Array(textBytes(100))]), "bueno.log");
    form.append("attachments", new Blob([new Uint8Array(exeBytes())]), "instalador.exe");
    const answer = await rest("POST", `/tickets/api/tickets/${acmeTicket.id}/reply/`, {
      token: token["partner@demo.test"],
      form,
      headers: { "accept-language": "fr" },
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.body.detail).toContain("instalador.exe");
    expect(answer.headers.get("content-language")).toBe("fr");
    expect(await db.message.count({ where: { ticketId: acmeTicket.id } })).toBe(before);
    // What was kept before the refusal is discarded (the row stays, marked, for the hourly upload limit).
    const kept = { name: { in: ["bueno.log", "instalador.exe"] } };
    expect(await db.attachment.count({ where: { ...kept, OR: [{ discardedAt: null }, { messageId: { not: null } }] } })).toBe(0);
  });
});

const partner = () => token["partner@demo.test"]!;

describe("bad input", () => {
  it("malformed JSON is a 400 that says so, in the caller's language", async () => {
    const answer = await rest("POST", "/tickets/api/tickets/", {
      token: partner(),
      raw: { body: '{"subject": "roto",', type: "application/json" },
      headers: { "accept-language": "pt-BR" },
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(answer.body).toMatchObject({ status: 400, code: "invalid_input", detail: message("pt", "Errors.malformedJson") });
  });

  it("wrong types get a message per field", async () => {
    const answer = await rest("POST", "/tickets/api/tickets/", {
      token: partner(),
      json: { subject: 42, department: 1, priority: "whenever", messages: [{ body: "" }] },
      headers: { "accept-language": "en" },
    });
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.body.errors).sort()).toEqual(["messages.0.body", "priority", "subject"]);
    expect(answer.body.errors["messages.0.body"]).toBe(message("en", "Validation.required"));
  });

  it("an unknown department is named, by id or slug", async () => {
    for (const department of [999, "no-existe"]) {
      const answer = await rest("POST", "/tickets/api/tickets/", {
        token: partner(),
        json: { subject: "Hola", department, messages: [{ body: "Hola" }] },
        headers: { "accept-language": "en" },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.detail).toBe(message("en", "Errors.departmentUnknown"));
    }
    expect(await db.ticket.count({ where: { subject: "Hola" } })).toBe(0);
  });

  it("a body that is neither JSON nor a form is a 415; an unknown method on a path is a 405", async () => {
    const plain = await rest("POST", "/tickets/api/tickets/", { token: partner(), raw: { body: "subject=x", type: "text/plain" } });
    expect(plain.status).toBe(415);
    const put = await rest("PUT", "/tickets/api/departments/", { token: partner(), json: {} });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET");
  });
});

describe("limits and retries", () => {
  it("a token past its limit gets 429 with Retry-After and the X-RateLimit headers; another token is not affected", async () => {
    const mine = await tokenOf(db, await world.login("partner@demo.test"));
    const call = (t: string) =>
      handleRest(new Request(`${BASE}/tickets/api/departments/`, { headers: { authorization: `Bearer ${t}` } }), {
        rate: { limit: 3, windowSeconds: 60 },
      });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call(mine));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers[0]!.headers.get("x-ratelimit-limit")).toBe("3");
    expect(answers[2]!.headers.get("x-ratelimit-remaining")).toBe("0");
    const refused = answers[3]!;
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(Number(refused.headers.get("x-ratelimit-reset"))).toBeGreaterThan(0);
    expect((await call(token["agent@demo.test"]!)).status).toBe(200);
  });

  it("the same Idempotency-Key twice creates one ticket; with another body it is a 422", async () => {
    const body = {
      subject: "Una sola vez",
      department: 1,
      priority: "high",
      messages: [{ body: "Reintento de red", message_type: "reply" }],
    };
    const headers = { "idempotency-key": "monitor-42-2026-12-02" };
    const first = await rest("POST", "/tickets/api/tickets/", { token: partner(), json: body, headers });
    const second = await rest("POST", "/tickets/api/tickets/", { token: partner(), json: body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.ticket.count({ where: { subject: "Una sola vez" } })).toBe(1);
    const other = await rest("POST", "/tickets/api/tickets/", { token: partner(), json: { ...body, subject: "Otra" }, headers });
    expect(other.status).toBe(422);
    expect(await db.ticket.count({ where: { subject: "Otra" } })).toBe(0);
  });

  it("lists paginate as {count, next, previous, results} with absolute links; page_size over 100 is refused", async () => {
    for (let i = 0; i < 3; i++)
      await rest("POST", "/tickets/api/tickets/", {
        token: partner(),
        json: { subject: `Página ${i}`, department: 2, messages: [{ body: "x" }] },
      });
    const first = await rest("GET", "/tickets/api/tickets/?department=ventas&page_size=2&ordering=created_at", { token: partner() });
    expect(first.body.count).toBe(3);
    expect(first.body.results.map((t: { subject: string }) => t.subject)).toEqual(["Página 0", "Página 1"]);
    expect(first.body.previous).toBeNull();
    expect(first.body.next).toBe(`${BASE}/tickets/api/tickets/?department=ventas&page_size=2&ordering=created_at&page=2`);
    const second = await rest("GET", first.body.next.slice(BASE.length), { token: partner() });
    expect(second.body.results.map((t: { subject: string }) => t.subject)).toEqual(["Página 2"]);
    expect(second.body.next).toBeNull();
    expect(second.body.previous).toContain("page=1");
    const tooBig = await rest("GET", "/tickets/api/tickets/?page_size=101", { token: partner() });
    expect(tooBig.status).toBe(400);
    expect(Object.keys(tooBig.body.errors)).toEqual(["page_size"]);
  });
});

describe("support over REST", () => {
  it("an agent takes, notes, prioritizes and resolves; the customer never sees the note", async () => {
    const agent = token["agent@demo.test"];
    const agentId = (await world.login("agent@demo.test")).id;
    const taken = await rest("POST", `/tickets/api/tickets/${acmeTicket.id}/take/`, { token: agent });
    expect(taken.body.assignee).toMatchObject({ id: agentId });
    const note = await rest("POST", `/tickets/api/tickets/${acmeTicket.id}/reply/`, {
      token: agent,
      json: { body: "Revisar el hipervisor", message_type: "note" },
    });
    expect(note.body.message_type).toBe("note");
    expect(
      (await rest("POST", `/tickets/api/tickets/${acmeTicket.id}/priority/`, { token: agent, json: { priority: "urgent" } })).body.priority,
    ).toBe("urgent");
    const resolved = await rest("POST", `/tickets/api/tickets/${acmeTicket.id}/status/`, { token: agent, json: { status: "resolved" } });
    expect(resolved.body.status).toBe("resolved");
    const seen = await rest("GET", `/tickets/api/tickets/${acmeTicket.id}/`, { token: token["partner@demo.test"] });
    expect(seen.body.messages.map((m: { body: string }) => m.body)).not.toContain("Revisar el hipervisor");
    expect(seen.body.messages.some((m: { message_type: string }) => m.message_type === "system")).toBe(true);
    // The customer closes what support resolved, over REST too.
    const closed = await rest("POST", `/tickets/api/tickets/${acmeTicket.id}/close/`, { token: token["partner@demo.test"] });
    expect(closed.body.status).toBe("closed");
    expect((await db.ticket.findUniqueOrThrow({ where: { id: acmeTicket.id } })).channel).toBe("api");
  });
});
