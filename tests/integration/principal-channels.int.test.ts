// The ticket use-cases driven the way the mail intake, the REST API and scripts will drive them: a
// principal loaded from a user id alone (no web session anywhere) and domain commands that are not
// the web form — a ticket without a category, arriving by email, with the customer's own priority.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { loadPrincipal, type Principal } from "../../server/access/principal";
import { createTicket } from "../../server/tickets/create-ticket";
import { replyToTicket } from "../../server/tickets/reply";
import { changeStatus } from "../../server/tickets/change-status";
import { getTicket } from "../../server/tickets/get-ticket";
import { savePriorityPolicy } from "../../server/admin/priority-rules";
import type { OpenTicket } from "../../server/tickets/commands";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { failure } from "../support/factories";

let world: DemoWorld;
let db: Db;
let partner: Principal;
let agent: Principal;
let supportId: number;
let acmeId: string;

const idOf = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id;
const sessions = async () => db.session.count();

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  partner = (await loadPrincipal(db, await idOf("partner@demo.test"), { kind: "mail", address: "partner@demo.test" }))!;
  agent = (await loadPrincipal(db, await idOf("agent@demo.test"), { kind: "api_token", tokenId: "t-1", scope: "read_write" }))!;
  supportId = (await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" } })).id;
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
});
afterAll(() => world?.close());

const byMail = (over: Partial<OpenTicket> = {}): OpenTicket => ({
  channel: "email",
  type: "incident",
  departmentId: supportId,
  categoryId: null,
  organizationId: acmeId,
  serviceIds: [],
  watcherIds: [],
  subject: "El servidor no responde",
  body: "Escribo desde mi correo.",
  requestedPriority: null,
  attachmentIds: [],
  sensitive: null,
  ...over,
});

describe("a principal from a user id alone", () => {
  it("opens, replies to and closes a ticket with no web session at all", async () => {
    expect(await sessions()).toBe(0);
    expect(partner).toMatchObject({ kind: "person", role: "partner", source: { kind: "mail" } });
    expect(partner.organizations.map((o) => o.id)).toContain(acmeId);

    const t0 = new Date("2031-03-03T09:00:00Z");
    const opened = await createTicket(db, partner, byMail(), t0);
    const row = await db.ticket.findUniqueOrThrow({ where: { id: opened.id } });
    expect(row).toMatchObject({ channel: "email", categoryId: null, requesterId: partner.id, status: "new", organizationId: acmeId });

    await replyToTicket(
      db,
      agent,
      { ticket: opened.id, channel: "api", body: "Lo revisamos ahora.", visibility: "public", attachmentIds: [], sensitive: null },
      new Date(+t0 + 60_000),
    );
    await replyToTicket(
      db,
      agent,
      { ticket: opened.id, channel: "api", body: "Nota para el equipo", visibility: "internal", attachmentIds: [], sensitive: null },
      new Date(+t0 + 90_000),
    );
    await changeStatus(db, agent, opened.id, { kind: "set_status", to: "resolved" }, new Date(+t0 + 120_000));
    await replyToTicket(
      db,
      partner,
      { ticket: opened.id, channel: "email", body: "Gracias, ya funciona.", visibility: "public", attachmentIds: [], sensitive: null },
      new Date(+t0 + 180_000),
    );
    await changeStatus(db, agent, opened.id, { kind: "set_status", to: "resolved" }, new Date(+t0 + 200_000));
    const closed = await changeStatus(db, partner, opened.id, { kind: "close" }, new Date(+t0 + 240_000));
    expect(closed.status).toBe("closed");

    // The customer's view of it: the thread without the internal note, closed.
    const seen = await getTicket(db, partner, opened.id, "es", new Date(+t0 + 300_000));
    expect(seen.status).toBe("closed");
    expect(seen.messages.filter((m) => m.kind !== "system").map((m) => m.body)).toEqual([
      "Escribo desde mi correo.",
      "Lo revisamos ahora.",
      "Gracias, ya funciona.",
    ]);
    expect(await sessions()).toBe(0);
  });

  it("is refused for an account that is not activated, and a customer cannot write internal notes", async () => {
    const pending = await db.user.create({ data: { email: "pendiente@example.test", name: "Sin activar" } });
    expect(await loadPrincipal(db, pending.id)).toBeNull();
    expect(await loadPrincipal(db, "not-a-user-id")).toBeNull();
    const opened = await createTicket(db, partner, byMail({ subject: "Otro" }), new Date());
    const refused = await failure(
      replyToTicket(
        db,
        partner,
        { ticket: opened.id, channel: "email", body: "x", visibility: "internal", attachmentIds: [], sensitive: null },
        new Date(),
      ),
    );
    expect(refused).toMatchObject({ code: "forbidden", messageKey: "internalNotesAreForStaff" });
  });
});

describe("the customer's priority (seed 002) as a deployment policy", () => {
  it("is ignored under the rule table (the default) and taken when customers may choose", async () => {
    const underRules = await createTicket(db, partner, byMail({ requestedPriority: "urgent" }), new Date());
    expect((await db.ticket.findUniqueOrThrow({ where: { id: underRules.id } })).priority).toBe("medium");

    await savePriorityPolicy(db, { mode: "customer_choice", fallback: "medium" });
    const chosen = await createTicket(db, partner, byMail({ requestedPriority: "urgent" }), new Date());
    const none = await createTicket(db, partner, byMail({ requestedPriority: null }), new Date());
    // Customers choose among low, medium and urgent only: "critical" is support's to set.
    const tooHigh = await createTicket(db, partner, byMail({ requestedPriority: "critical" }), new Date());
    const priorities = await db.ticket.findMany({
      where: { id: { in: [chosen.id, none.id, tooHigh.id] } },
      select: { id: true, priority: true },
    });
    const of = (id: string) => priorities.find((p) => p.id === id)?.priority;
    expect([of(chosen.id), of(none.id), of(tooHigh.id)]).toEqual(["urgent", "medium", "medium"]);
    await savePriorityPolicy(db, { mode: "rules", fallback: "medium" });
  });
});
