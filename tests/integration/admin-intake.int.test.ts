// Administración › Entrada por correo through the procedures: only admins see or change it; an
// admin sets a department's intake policy (off / known_contacts / anyone) and what a reply to a
// closed ticket does, and adds and removes the addresses that lead to it. An address is kept in
// lower case and belongs to one department only: a second department asking for it is refused
// with a message naming the one that has it, in the admin's language (its name too: "Technical
// Support" for an English admin).
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
let support: { id: number; name: string; general: number };
let billing: { id: number; name: string; firstCategory: number };

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  admin = await world.login("admin@demo.test");
  agent = await world.login("agent@demo.test");
  partner = await world.login("partner@demo.test");
  const s = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  support = { id: s.id, name: s.name, general: s.categories.find((c) => c.name === "General")!.id };
  const b = await db.department.findFirstOrThrow({ where: { id: { not: s.id } }, include: { categories: true }, orderBy: { id: "asc" } });
  billing = { id: b.id, name: b.name, firstCategory: b.categories[0]!.id };
});
afterAll(() => world?.close());

/** The demo's support department as each admin reads it (seed: server/seed/demo.ts). */
const supportNames = { es: "Soporte Técnico", en: "Technical Support", pt: "Suporte Técnico", fr: "Support technique" } as const;
const api = (locale: "es" | "en" | "pt" | "fr" = "es") => callerFor(db, admin, locale).admin.intake;
const departmentOf = async (id: number) => (await api().overview()).departments.find((d) => d.id === id)!;

describe("tickets by email, per department", () => {
  it.each([
    ["an agent", () => agent],
    ["a partner", () => partner],
  ] as const)("%s may neither see nor change it", async (_label, who) => {
    const theirs = callerFor(db, who(), "es").admin.intake;
    const before = await db.department.findUniqueOrThrow({ where: { id: support.id }, select: { mailIntake: true } });
    for (const call of [
      theirs.overview(),
      theirs.setPolicy({ departmentId: support.id, mailIntake: "anyone", closedReply: "new_ticket" }),
      theirs.addAddress({ departmentId: support.id, address: "intruso@demo.test", categoryId: null }),
      theirs.removeAddress({ id: 1 }),
    ]) {
      expect(((await failure(call)) as TRPCError).code).toBe("FORBIDDEN");
    }
    expect(await db.department.findUniqueOrThrow({ where: { id: support.id }, select: { mailIntake: true } })).toEqual(before);
    expect(await db.intakeAddress.findUnique({ where: { address: "intruso@demo.test" } })).toBeNull();
  });

  it("sets who may open tickets by mail and what a reply to a closed ticket does", async () => {
    expect(await api().setPolicy({ departmentId: support.id, mailIntake: "anyone", closedReply: "new_ticket" })).toEqual({
      departmentId: support.id,
      mailIntake: "anyone",
      closedReply: "new_ticket",
    });
    expect(await departmentOf(support.id)).toMatchObject({ name: support.name, mailIntake: "anyone", closedReply: "new_ticket" });
    await api().setPolicy({ departmentId: support.id, mailIntake: "known_contacts", closedReply: "reopen" });
    expect(await db.department.findUniqueOrThrow({ where: { id: support.id }, select: { mailIntake: true, closedReply: true } })).toEqual({
      mailIntake: "known_contacts",
      closedReply: "reopen",
    });

    const error = (await failure(
      api("fr").setPolicy({ departmentId: support.id, mailIntake: "everyone" as never, closedReply: "reopen" }),
    )) as TRPCError;
    expect(formatError(error, "fr").fieldErrors).toEqual({ mailIntake: message("fr", "Validation.invalid") });
    expect(((await failure(api().setPolicy({ departmentId: 999_999, mailIntake: "off", closedReply: "reopen" }))) as TRPCError).code).toBe(
      "NOT_FOUND",
    );
  });

  it("adds an address in lower case with an optional default category of the department, and removes it", async () => {
    const added = await api().addAddress({ departmentId: support.id, address: "  Ayuda.Web@Demo.TEST ", categoryId: support.general });
    expect(added).toMatchObject({ address: "ayuda.web@demo.test", category: { id: support.general, name: "General" } });
    expect((await departmentOf(support.id)).addresses).toContainEqual({
      id: added.id,
      address: "ayuda.web@demo.test",
      category: { id: support.general, name: "General" },
    });

    // The form's empty category is none.
    const plain = await api().addAddress({ departmentId: support.id, address: "otra.ayuda@demo.test", categoryId: "" as never });
    expect(plain.category).toBeNull();

    // A category of another department is not the default of this one.
    const foreign = (await failure(
      api("es").addAddress({ departmentId: support.id, address: "tercera@demo.test", categoryId: billing.firstCategory }),
    )) as TRPCError;
    expect(formatError(foreign, "es").message).toBe(message("es", "Errors.categoryNotInDepartment"));

    const invalid = (await failure(
      api("pt").addAddress({ departmentId: support.id, address: "no es un correo", categoryId: null }),
    )) as TRPCError;
    expect(formatError(invalid, "pt").fieldErrors).toEqual({ address: message("pt", "Validation.email") });

    expect(await api().removeAddress({ id: plain.id })).toEqual({ ok: true });
    expect((await departmentOf(support.id)).addresses.map((a) => a.address)).not.toContain("otra.ayuda@demo.test");
    expect(((await failure(api().removeAddress({ id: plain.id }))) as TRPCError).code).toBe("NOT_FOUND");
  });

  it("refuses an address another department already has, naming that department, in the admin's language", async () => {
    await api().addAddress({ departmentId: support.id, address: "compartida@demo.test", categoryId: null });
    for (const locale of ["es", "en", "pt", "fr"] as const) {
      const error = (await failure(
        api(locale).addAddress({ departmentId: billing.id, address: "Compartida@Demo.test", categoryId: null }),
      )) as TRPCError;
      expect(error.code).toBe("CONFLICT");
      expect(formatError(error, locale).message).toBe(
        message(locale, "Errors.intakeAddressTaken")
          .replace("{address}", "compartida@demo.test")
          .replace("{department}", supportNames[locale]),
      );
    }
    // Nor twice in the same department.
    const again = (await failure(
      api().addAddress({ departmentId: support.id, address: "compartida@demo.test", categoryId: null }),
    )) as TRPCError;
    expect(again.code).toBe("CONFLICT");
    expect(await db.intakeAddress.findMany({ where: { address: "compartida@demo.test" }, select: { departmentId: true } })).toEqual([
      { departmentId: support.id },
    ]);
  });
});
