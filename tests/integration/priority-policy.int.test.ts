// Who sets a new ticket's priority, as an admin switches it: with the rule table (seed 000, the
// default) customers are offered no priority and one they send anyway is ignored; when the customer
// chooses (seed 002) the create form offers low, medium and urgent and the ticket takes the choice.
// Only an admin reads or changes the policy.
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { formatError } from "../../server/trpc/error-format";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, type SignedIn } from "../support/factories";
import { message } from "../support/messages";

let world: DemoWorld;
let db: Db;
let admin: SignedIn;
let agent: SignedIn;
let partner: SignedIn;
let support: { id: number; general: number };
let acmeId: string;

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  admin = await world.login("admin@demo.test");
  agent = await world.login("agent@demo.test");
  partner = await world.login("partner@demo.test");
  const dept = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = { id: dept.id, general: dept.categories.find((c) => c.name === "General")!.id };
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
});
afterAll(() => world?.close());

/** A partner's incident in Soporte técnico · General, with the priority they picked (if any). */
async function partnerTicket(priority?: "low" | "medium" | "high" | "urgent" | "critical") {
  const created = await callerFor(db, partner, "es").tickets.create({
    type: "incident",
    departmentId: support.id,
    categoryId: support.general,
    organizationId: acmeId,
    serviceIds: [],
    watcherIds: [],
    subject: "La web no carga",
    description: "Desde esta mañana",
    ...(priority ? { priority } : {}),
  });
  return (await callerFor(db, partner).tickets.get({ ticket: created.id })).priority;
}

describe("the priority policy", () => {
  it.each([
    ["an agent", () => agent],
    ["a partner", () => partner],
  ] as const)("%s may neither read nor change it", async (_label, who) => {
    const api = callerFor(db, who(), "es").admin.priorityRules;
    const before = await db.priorityPolicy.findUnique({ where: { id: 1 } });
    expect(((await failure(api.policy())) as TRPCError).code).toBe("FORBIDDEN");
    expect(((await failure(api.setPolicy({ mode: "customer_choice", fallback: "urgent" }))) as TRPCError).code).toBe("FORBIDDEN");
    expect(await db.priorityPolicy.findUnique({ where: { id: 1 } })).toEqual(before);
    expect(await callerFor(db, admin).admin.priorityRules.policy()).toEqual({ mode: "rules", fallback: "medium" });
  });

  it("refuses an unknown mode or fallback with the field's message in the admin's language", async () => {
    const api = callerFor(db, admin, "fr").admin.priorityRules;
    const mode = (await failure(api.setPolicy({ mode: "anyone" as never, fallback: "medium" }))) as TRPCError;
    expect(mode.code).toBe("BAD_REQUEST");
    expect(formatError(mode, "fr").fieldErrors).toEqual({ mode: message("fr", "Validation.invalid") });
    const fallback = (await failure(api.setPolicy({ mode: "rules", fallback: "whenever" as never }))) as TRPCError;
    expect(formatError(fallback, "fr").fieldErrors).toEqual({ fallback: message("fr", "Validation.invalid") });
    expect(await api.policy()).toEqual({ mode: "rules", fallback: "medium" });
  });

  it("follows the admin's switch: the customer's choice counts only while customers choose", async () => {
    const admins = callerFor(db, admin, "es").admin.priorityRules;
    const form = () => callerFor(db, partner, "es").tickets.formOptions();
    await admins.upsert({ type: "incident", categoryId: support.general, priority: "high" });

    // Default: the rule table decides; nothing to choose, and a priority sent anyway is ignored.
    expect((await form()).priorityChoices).toBeNull();
    expect(await partnerTicket("urgent")).toBe("high");

    expect(await admins.setPolicy({ mode: "customer_choice", fallback: "medium" })).toEqual({
      mode: "customer_choice",
      fallback: "medium",
    });
    expect(await admins.policy()).toEqual({ mode: "customer_choice", fallback: "medium" });
    expect((await form()).priorityChoices).toEqual(["low", "medium", "urgent"]);
    expect(await partnerTicket("urgent")).toBe("urgent");
    expect(await partnerTicket("low")).toBe("low"); // the rule (high) no longer applies
    expect(await partnerTicket("critical")).toBe("medium"); // not a customer's choice: the fallback
    expect(await partnerTicket()).toBe("medium");

    await admins.setPolicy({ mode: "rules", fallback: "low" });
    expect((await form()).priorityChoices).toBeNull();
    expect(await partnerTicket("urgent")).toBe("high"); // the rule table's result again
    await admins.remove({ id: (await admins.list()).rules[0]!.id });
    expect(await partnerTicket("urgent")).toBe("low"); // no rule matches: the stored fallback
  });
});
