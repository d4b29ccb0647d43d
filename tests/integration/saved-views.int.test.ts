// Saved views of the agent queue and the list's tag filter: an agent saves the current filters as a
// view (kept personal or shared), sees their own and the shared ones, each with a count that follows
// the tickets; only the owner or an admin changes a view; a stored query that no longer fits the
// list's schema keeps the page working.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { upsertUser } from "../../server/seed/demo";
import { changeTags } from "../../server/tickets/tags";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, signedIn, uniqueEmail, type SignedIn } from "../support/factories";

let world: DemoWorld;
let db: Db;
let partner: SignedIn;
let agent: SignedIn;
let colleague: SignedIn;
let admin: SignedIn;
let support: { id: number; categoryId: number };
let sales: { id: number; categoryId: number };

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  partner = await world.login("partner@demo.test");
  agent = await world.login("agent@demo.test");
  admin = await world.login("admin@demo.test");
  const dept = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = { id: dept.id, categoryId: dept.categories[0]!.id };
  const salesDept = await db.department.findUniqueOrThrow({ where: { slug: "ventas" }, include: { categories: true } });
  sales = { id: salesDept.id, categoryId: salesDept.categories[0]!.id };
  const other = await upsertUser(db, { email: uniqueEmail("colleague"), name: "Carla Colega", role: "agent", departmentIds: [support.id] });
  colleague = await signedIn(db, other.id);
});
afterAll(() => world?.close());

const newTicket = async (subject: string, department = support) =>
  (
    await callerFor(db, partner).tickets.create({
      type: "incident",
      departmentId: department.id,
      categoryId: department.categoryId,
      organizationId: null,
      serviceIds: [],
      watcherIds: [],
      subject,
      description: "Detalle",
    })
  ).id;

const code = async (promise: Promise<unknown>) => ((await failure(promise)) as TRPCError).code;

describe("saving and listing views", () => {
  it("an agent saves the current filters and sort; they see their own views and the shared ones, not others' personal ones", async () => {
    const mine = await callerFor(db, agent).savedViews.create({
      name: "Urgentes de soporte",
      query: {
        view: "all",
        tab: "active",
        priority: ["high", "urgent"],
        departmentId: [support.id],
        sort: "sla",
        dir: "asc",
        limit: 50,
        cursor: null,
      },
    });
    await callerFor(db, colleague).savedViews.create({ name: "Solo mía", query: { view: "mine" } });
    const shared = await callerFor(db, colleague).savedViews.create({
      name: "Compartida de Carla",
      query: { view: "unassigned" },
      shared: true,
    });

    const views = await callerFor(db, agent).savedViews.list();
    expect(views.map((v) => [v.name, v.mine, v.shared, v.canEdit])).toEqual([
      ["Urgentes de soporte", true, false, true],
      ["Compartida de Carla", false, true, false],
    ]);
    const saved = views.find((v) => v.id === mine.id)!;
    // The filters and sort are kept; the page size and cursor are not part of a view.
    expect(saved.query).toEqual({
      view: "all",
      tab: "active",
      q: "",
      status: [],
      priority: ["high", "urgent"],
      departmentId: [support.id],
      tags: [],
      sort: "sla",
      dir: "asc",
    });
    expect(saved.stale).toBe(false);
    expect((await callerFor(db, colleague).savedViews.list()).map((v) => v.name)).toEqual(["Solo mía", "Compartida de Carla"]);
    expect(views.find((v) => v.id === shared.id)!.owner.name).toBe("Carla Colega");
  });

  it("a query the list would refuse is refused when saved, with the list's message; a duplicate name too", async () => {
    const caller = callerFor(db, agent);
    expect(await code(caller.savedViews.create({ name: "Rara", query: { priority: ["altísima" as "high"] } }))).toBe("BAD_REQUEST");
    await caller.savedViews.create({ name: "Repetida", query: {} });
    const error = (await failure(caller.savedViews.create({ name: "repetida", query: {} }))) as TRPCError;
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("savedViewNameTaken");
  });

  it("customers have no saved views", async () => {
    expect(await code(callerFor(db, partner).savedViews.list())).toBe("FORBIDDEN");
    expect(await code(callerFor(db, partner).savedViews.create({ name: "Mía", query: {} }))).toBe("FORBIDDEN");
    expect(await code(callerFor(db, partner).savedViews.tagSuggestions({ typed: "v" }))).toBe("FORBIDDEN");
  });
});

describe("the tag filter", () => {
  it("lists only the tickets with one of the tags, within what the viewer may see", async () => {
    const tagged = await newTicket("Cliente clave con la web caída");
    const untagged = await newTicket("Otro asunto sin etiqueta");
    const otherDepartment = await newTicket("Presupuesto de cliente clave", sales);
    await changeTags(db, agent, tagged, { add: ["Cliente Clave"], remove: [] }, new Date());
    await changeTags(db, admin, otherDepartment, { add: ["cliente clave"], remove: [] }, new Date());
    await changeTags(db, agent, untagged, { add: ["otra"], remove: [] }, new Date());

    // Written as the agent typed it: tags are matched by their normalized name.
    const asAgent = await callerFor(db, agent).tickets.list({ view: "all", tab: "all", tags: ["  CLIENTE   clave "] });
    expect(asAgent.items.map((t) => t.id)).toEqual([tagged]);
    const asAdmin = await callerFor(db, admin).tickets.list({ view: "all", tab: "all", tags: ["cliente clave"], withCount: true });
    expect(asAdmin.items.map((t) => t.id).sort()).toEqual([tagged, otherDepartment].sort());
    expect(asAdmin.count).toBe(2);
    const either = await callerFor(db, agent).tickets.list({ view: "all", tab: "all", tags: ["cliente clave", "otra"] });
    expect(either.items.map((t) => t.id).sort()).toEqual([tagged, untagged].sort());

    // A customer's tag filter is ignored: tags are support's, and they see their own tickets as ever.
    const asCustomer = await callerFor(db, partner).tickets.list({ view: "all", tab: "all", tags: ["cliente clave"], limit: 100 });
    expect(asCustomer.items.map((t) => t.id)).toEqual(expect.arrayContaining([tagged, untagged, otherDepartment]));

    const suggestions = await callerFor(db, agent).savedViews.tagSuggestions({ typed: "CLAVE" });
    expect(suggestions).toEqual([{ name: "cliente clave", uses: 2 }]);
  });
});

describe("tab counts", () => {
  it("each tab counts its tickets, and a count moves when a ticket enters or leaves the view", async () => {
    const view = await callerFor(db, agent).savedViews.create({
      name: "Cuenta VIP",
      query: { view: "all", tab: "active", tags: ["vip-cuenta"] },
    });
    const countsOf = async (who = agent) => {
      const counts = await callerFor(db, who).savedViews.counts();
      return {
        view: counts.views.find((v) => v.id === view.id)?.count,
        unassigned: counts.builtin.unassigned,
        mine: counts.builtin.mine,
        counts,
      };
    };
    const before = await countsOf();
    expect(before.view).toBe(0);
    expect(before.counts.cap).toBe(1000);
    expect(before.counts.departments.map((d) => d.id)).toEqual([support.id]);

    const id = await newTicket("Entra en la vista VIP");
    const created = await countsOf();
    expect(created.view).toBe(0);
    expect(created.unassigned).toBe(before.unassigned + 1);

    await changeTags(db, agent, id, { add: ["vip-cuenta"], remove: [] }, new Date());
    expect((await countsOf()).view).toBe(1);

    await callerFor(db, agent).tickets.take({ ticket: id });
    const taken = await countsOf();
    expect(taken.unassigned).toBe(before.unassigned);
    expect(taken.mine).toBe(before.mine + 1);
    expect(taken.view).toBe(1);

    await callerFor(db, agent).tickets.close({ ticket: id });
    // The view is of active tickets: a closed one leaves it.
    expect((await countsOf()).view).toBe(0);

    // The same view counts through the viewer's visibility: an agent of another department sees none.
    const salesAgent = await upsertUser(db, { email: uniqueEmail("sales"), name: "Vera Ventas", role: "agent", departmentIds: [sales.id] });
    const salesSignedIn = await signedIn(db, salesAgent.id);
    await callerFor(db, agent).savedViews.share({ id: view.id, shared: true });
    await callerFor(db, agent).tickets.reopen({ ticket: id });
    expect((await countsOf()).view).toBe(1);
    expect((await countsOf(salesSignedIn)).view).toBe(0);
  });
});

describe("stored queries from before a schema change", () => {
  it("a view whose stored query no longer parses keeps what still does, and the list and counts still answer", async () => {
    const old = await db.savedView.create({
      data: {
        ownerId: agent.id,
        name: "Vieja",
        query: { view: "all", tab: "active", q: "impresora", priority: ["altísima"], status: "new", sort: "relevance" },
        position: 90,
      },
    });
    const broken = await db.savedView.create({ data: { ownerId: agent.id, name: "Rota", query: "not an object", position: 91 } });
    const views = await callerFor(db, agent).savedViews.list();
    const repaired = views.find((v) => v.id === old.id)!;
    expect(repaired.stale).toBe(true);
    expect(repaired.query).toMatchObject({ view: "all", tab: "active", q: "impresora", priority: [], status: [], sort: "updated" });
    expect(views.find((v) => v.id === broken.id)!.query).toMatchObject({ view: "all", tab: "open", q: "" });
    const counts = await callerFor(db, agent).savedViews.counts();
    expect(counts.views.map((v) => v.id)).toEqual(expect.arrayContaining([old.id, broken.id]));
  });
});

describe("who may change a view", () => {
  it("only its owner or an admin renames, shares, reorders or deletes it", async () => {
    const view = await callerFor(db, agent).savedViews.create({ name: "De Álex", query: { view: "unassigned" }, shared: true });
    const personal = await callerFor(db, agent).savedViews.create({ name: "Privada de Álex", query: { view: "mine" } });

    expect(await code(callerFor(db, colleague).savedViews.rename({ id: view.id, name: "Mía ahora" }))).toBe("FORBIDDEN");
    expect(await code(callerFor(db, colleague).savedViews.share({ id: view.id, shared: false }))).toBe("FORBIDDEN");
    expect(await code(callerFor(db, colleague).savedViews.remove({ id: view.id }))).toBe("FORBIDDEN");
    expect(await code(callerFor(db, colleague).savedViews.reorder({ ids: [view.id] }))).toBe("FORBIDDEN");
    // Another agent's personal view is not there for them at all.
    expect(await code(callerFor(db, colleague).savedViews.rename({ id: personal.id, name: "x" }))).toBe("NOT_FOUND");

    await callerFor(db, admin).savedViews.rename({ id: view.id, name: "Sin asignar (revisada)" });
    await callerFor(db, agent).savedViews.share({ id: view.id, shared: false });
    expect((await callerFor(db, colleague).savedViews.list()).map((v) => v.id)).not.toContain(view.id);

    const before = (await callerFor(db, agent).savedViews.list()).filter((v) => v.mine).map((v) => v.id);
    await callerFor(db, agent).savedViews.reorder({ ids: [personal.id, view.id] });
    const after = (await callerFor(db, agent).savedViews.list()).filter((v) => v.mine).map((v) => v.id);
    expect(after.slice(0, 2)).toEqual([personal.id, view.id]);
    expect([...after].sort()).toEqual([...before].sort());

    await callerFor(db, agent).savedViews.remove({ id: personal.id });
    const names = (await callerFor(db, agent).savedViews.list()).map((v) => v.name);
    expect(names).toContain("Sin asignar (revisada)");
    expect(names).not.toContain("Privada de Álex");
  });
});
