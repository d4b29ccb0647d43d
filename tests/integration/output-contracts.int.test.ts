// Output contracts: every procedure declares what it answers, and what a ticket page receives holds
// nothing its declared schema does not list — no reply token, no stored SLA columns, no search text,
// no sensitive ciphertext or plaintext, no one's email, no BigInt. Checked on the raw HTTP payload
// (superjson's `json` part, as a browser receives it) and on what the use-cases return before the
// output parser strips it, so a column added to a select is caught even though it would never leave.
import type { SignedIn } from "../support/factories";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { GET } from "../../app/api/trpc/[trpc]/route";
import type { Db } from "../../server/db";
import { receiveUpload } from "../../server/files/receive-upload";
import { getTicket } from "../../server/tickets/get-ticket";
import { ticketDetailOutput } from "../../server/trpc/tickets/get.schema";
import { appRouter } from "../../server/trpc/router";
import { sessionCookie } from "../support/cookie";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor } from "../support/factories";
import { pngBytes, streamOf } from "../support/files";
import { useDatabase } from "../support/http";

const SECRET = "usuario: root · clave: Remolacha-Secreta-9931";

interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
  inputs: z.ZodType[];
  output?: z.ZodType;
  middlewares: { _type?: string }[];
  resolver: (opts: {
    ctx: unknown;
    input: unknown;
    type: string;
    path: string;
    signal: undefined;
    getRawInput: () => Promise<unknown>;
  }) => Promise<unknown>;
}
const procedures = appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>;
const outputOf = (path: string) => {
  const schema = procedures[path]?._def.output;
  if (!schema) throw new Error(`${path} declares no output`);
  return schema;
};

// --- The walk: every key of a value must be listed by the schema at that position. ---------------

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
};
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** The paths of keys present in `value` that `schema` does not list there (empty: all listed). */
function unlistedKeys(schema: z.ZodType, value: unknown, path = "$"): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case "nullable":
    case "optional":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return value === null || value === undefined ? [] : unlistedKeys(def.innerType!, value, path);
    case "lazy":
      return unlistedKeys(def.getter!(), value, path);
    case "pipe":
      return unlistedKeys(def.in!, value, path);
    case "union": {
      // Listed when one of the alternatives lists everything; otherwise the closest alternative's keys.
      const tries = def.options!.map((option) => unlistedKeys(option, value, path));
      return tries.find((t) => t.length === 0) ?? tries.sort((a, b) => a.length - b.length)[0] ?? [];
    }
    case "array":
      return Array.isArray(value) ? value.flatMap((item, i) => unlistedKeys(def.element!, item, `${path}[${i}]`)) : [];
    case "object": {
      if (!isPlainObject(value)) return [];
      return Object.entries(value).flatMap(([key, v]) =>
        key in def.shape! ? unlistedKeys(def.shape![key]!, v, `${path}.${key}`) : [`${path}.${key}`],
      );
    }
    default:
      return [];
  }
}

/** Paths holding a BigInt (which only superjson could carry, and a browser's JSON cannot). */
function bigints(value: unknown, path = "$"): string[] {
  if (typeof value === "bigint") return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => bigints(v, `${path}[${i}]`));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => bigints(v, `${path}.${k}`));
  return [];
}

// --- The demo world, one ticket with everything on it. -------------------------------------------

let world: DemoWorld;
let db: Db;
const who: Record<string, SignedIn> = {};
let ticket: { id: string; reference: string };
/** What must never reach a browser, in every form it could take there. */
let secrets: { label: string; text: string }[];

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  useDatabase(world.database);
  for (const [key, email] of Object.entries({ partner: "partner@demo.test", orgAdmin: "orgadmin@demo.test", agent: "agent@demo.test" }))
    who[key] = await world.login(email);
  const support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  expect(support.sensitiveInfo).toBe(true);
  const acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } });
  const partner = callerFor(db, who.partner!, "es");
  const agent = callerFor(db, who.agent!, "es");

  const created = await partner.tickets.create({
    type: "incident",
    departmentId: support.id,
    categoryId: support.categories[0]!.id,
    organizationId: acme.id,
    serviceIds: [],
    watcherIds: [who.orgAdmin!.id],
    subject: "El panel no acepta mi clave",
    description: "Os dejo el acceso en el cuadro seguro.",
    sensitive: SECRET,
  });
  ticket = { id: created.id, reference: created.reference };
  // A reply with a file, then edited (a version); support answers, notes, asks and waits; a call.
  const png = await receiveUpload(
    db,
    who.partner!,
    { name: "captura.png", size: pngBytes().length, target: { ticket: ticket.id }, body: streamOf(pngBytes()) },
    new Date(),
  );
  const reply = await partner.tickets.reply({ ticket: ticket.id, body: "Adjunto la captura.", attachmentIds: [png.id] });
  await partner.tickets.editMessage({ messageId: reply.id, body: "Adjunto la captura del error." });
  await agent.tickets.take({ ticket: ticket.id });
  await agent.tickets.reply({ ticket: ticket.id, body: "Nota: revisar el servidor 7.", internal: true });
  await agent.tickets.reply({ ticket: ticket.id, body: "¿Desde qué navegador entras?" });
  const start = new Date(Date.now() + 86_400_000);
  await partner.tickets.requestCall({
    ticket: ticket.id,
    phone: "+34 600 111 222",
    windowStart: start,
    windowEnd: new Date(+start + 3_600_000),
  });
  await agent.tickets.setStatus({ ticket: ticket.id, status: "pending_customer" });

  const row = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, select: { replyToken: true, searchText: true } });
  const sealed = await db.sensitiveInfo.findFirstOrThrow({ where: { ticketId: ticket.id } });
  const bytes = (b: Uint8Array) => Buffer.from(b);
  secrets = [
    { label: "reply token", text: row.replyToken },
    { label: "search text", text: row.searchText },
    { label: "sensitive plaintext", text: "Remolacha-Secreta-9931" },
    { label: "sealed key id", text: sealed.keyId },
    ...(["ciphertext", "iv", "authTag"] as const).flatMap((field) => [
      { label: `${field} (base64)`, text: bytes(sealed[field]).toString("base64") },
      { label: `${field} (hex)`, text: bytes(sealed[field]).toString("hex") },
    ]),
    // Nobody's contact details travel with a ticket.
    { label: "requester's email", text: "partner@demo.test" },
    { label: "agent's email", text: "agent@demo.test" },
    { label: "interested user's email", text: "orgadmin@demo.test" },
  ];
  expect(row.replyToken.length).toBeGreaterThan(10);
});
afterAll(async () => {
  useDatabase(undefined);
  await world?.close();
});

/** A GET to the real tRPC route handler with the browser's session cookie: the raw JSON payload. */
async function fetchQuery(user: SignedIn, path: string, input?: unknown): Promise<{ json: unknown; text: string }> {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const response = await GET(
    new Request(`http://mesa.test/api/trpc/${path}${query}`, { headers: { cookie: await sessionCookie(user.id, user.sessionId) } }),
  );
  const text = await response.text();
  expect(response.status, `${path}: ${text.slice(0, 300)}`).toBe(200);
  return { json: (JSON.parse(text) as { result: { data: { json: unknown } } }).result.data.json, text };
}

/** What a ticket page asks for, by who looks at it (app/_components/ticket-view/*, app/_lib/viewer.ts). */
const pageCalls = (staff: boolean): [string, unknown][] => [
  ["profile.get", undefined],
  ["tickets.get", { ticket: ticket.reference }],
  ["tickets.formOptions", undefined],
  ...(staff
    ? ([
        ["tickets.assignees", { ticket: ticket.id }],
        ["tickets.sla", { ticket: ticket.id }],
        ["tickets.requesterTickets", { ticket: ticket.id }],
      ] as [string, unknown][])
    : []),
];

function expectNoSecrets(label: string, text: string) {
  for (const secret of secrets) expect(text.includes(secret.text), `${label} carries the ${secret.label}`).toBe(false);
  for (const key of [
    "replyToken",
    "searchText",
    "slaClock",
    "slaNearAt",
    "slaDueAt",
    "slaResponseAlert",
    "slaResolutionAlert",
    "ciphertext",
    "authTag",
    "passwordHash",
  ]) {
    expect(text.includes(`"${key}"`), `${label} has a "${key}" key`).toBe(false);
  }
}

describe("output contracts", () => {
  it("every procedure declares its output (an output parser among its middlewares)", () => {
    const paths = Object.keys(procedures);
    expect(paths).toContain("tickets.get");
    const undeclared = paths.filter((path) => {
      const def = procedures[path]!._def;
      return !def.output || !def.middlewares.some((m) => m._type === "output");
    });
    expect(undeclared).toEqual([]);
    expect(outputOf("tickets.get")).toBe(ticketDetailOutput);
  });

  it("the walk notices an unlisted key, deep or shallow, and accepts listed ones", () => {
    const sample = { id: "x", messages: [{ id: "m", extra: 1 }], slaDueAt: null };
    expect(unlistedKeys(ticketDetailOutput, sample)).toEqual(["$.messages[0].extra", "$.slaDueAt"]);
    expect(unlistedKeys(ticketDetailOutput, { id: "x", automatic: null, department: { id: 1, name: "a", sensitiveInfo: false } })).toEqual(
      [],
    );
    expect(bigints({ a: [{ b: 1n }] })).toEqual(["$.a[0].b"]);
  });

  for (const [label, staff] of [
    ["partner", false],
    ["agent", true],
  ] as const) {
    it(`tickets.get over HTTP, as the ${label}: every key is listed, nothing secret is there`, async () => {
      const { json, text } = await fetchQuery(who[label]!, "tickets.get", { ticket: ticket.reference });
      expect(unlistedKeys(ticketDetailOutput, json)).toEqual([]);
      expectNoSecrets(`tickets.get as ${label}`, text);
      const detail = json as {
        id: string;
        messages: { hasSensitive: boolean; kind: string; attachments: unknown[]; versions: unknown[] }[];
        automatic: unknown;
        callRequests: unknown[];
      };
      // The payload is the real thing, not an empty shell that would pass any check.
      expect(detail.id).toBe(ticket.id);
      expect(detail.messages.some((m) => m.hasSensitive)).toBe(true);
      expect(detail.messages.some((m) => m.attachments.length === 1 && m.versions.length === 1)).toBe(true);
      expect(detail.messages.some((m) => m.kind === "internal")).toBe(staff);
      expect(detail.automatic).not.toBeNull();
      expect(detail.callRequests).toHaveLength(1);
    });

    it(`every call of the ticket page over HTTP, as the ${label}, holds only what its output lists`, async () => {
      for (const [path, input] of pageCalls(staff)) {
        const { json, text } = await fetchQuery(who[label]!, path, input);
        expect(unlistedKeys(outputOf(path), json), path).toEqual([]);
        expectNoSecrets(
          `${path} as ${label}`,
          path === "profile.get" || path === "tickets.formOptions" ? text.replaceAll(/"email":"[^"]*"/g, "") : text,
        );
      }
    });

    it(`what the use-cases return for the page, as the ${label}, lists no key the outputs do not, and no BigInt`, async () => {
      const raw = await getTicket(db, who[label]!, ticket.reference, "es", new Date());
      expect(unlistedKeys(ticketDetailOutput, raw)).toEqual([]);
      expect(bigints(raw)).toEqual([]);
      expect(raw.messages.some((m) => m.hasSensitive)).toBe(true);
      // The other calls, straight from their resolvers (before the output parser strips anything).
      const ctx = { db, user: who[label]!, locale: "es", now: new Date() };
      for (const [path, input] of pageCalls(staff)) {
        const def = procedures[path]!._def;
        const parsed = def.inputs[0] ? await def.inputs[0].parseAsync(input) : undefined;
        const result = await def.resolver({ ctx, input: parsed, type: def.type, path, signal: undefined, getRawInput: async () => input });
        expect(unlistedKeys(outputOf(path), result), path).toEqual([]);
        expect(bigints(result), path).toEqual([]);
      }
    });
  }
});
