// Exports contain exactly the chosen columns, the tickets created in the range, and only what the
// person may see; both files are parsed as a spreadsheet program would.
import type { SignedIn } from "../support/factories";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { callerFor } from "../support/factories";
import { message } from "../support/messages";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";

let db: Db;
let partner: SignedIn;
let globex: SignedIn;
const refs: Record<string, string> = {};

let world: DemoWorld;
const login = (email: string) => world.login(email);

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  partner = await login("partner@demo.test");
  globex = await login("partner2@demo.test");
  const support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  const base = {
    type: "request" as const,
    departmentId: support.id,
    categoryId: support.categories[0]!.id,
    serviceIds: [],
    watcherIds: [],
    description: "Detalle",
  };
  const acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } });
  const globexOrg = await db.organization.findUniqueOrThrow({ where: { name: "Globex" } });
  // Partner's profile zone is Europe/Madrid: 23:30 UTC on 1 March is already 2 March there.
  for (const [key, user, org, at, subject] of [
    ["before", partner, acme.id, "2026-02-28T10:00:00Z", "Antes del rango"],
    ["inside", partner, acme.id, "2026-03-01T09:00:00Z", 'Dentro, con "comillas", y coma'],
    ["lastDay", partner, acme.id, "2026-03-01T23:30:00Z", "Último día (2 de marzo en Madrid)"],
    ["after", partner, acme.id, "2026-03-03T00:00:00Z", "Después del rango"],
    ["globex", globex, globexOrg.id, "2026-03-01T12:00:00Z", "Ticket de Globex"],
  ] as const) {
    refs[key] = (await callerFor(db, user, "es", new Date(at)).tickets.create({ ...base, organizationId: org, subject })).reference;
  }
});
afterAll(() => world?.close());

async function download(user: SignedIn, format: "csv" | "xlsx", fields: string[]) {
  const parts: Buffer[] = [];
  let start: { total: number; filename: string } | undefined;
  const stream = await callerFor(db, user, "es").tickets.export({ format, from: "2026-03-01", to: "2026-03-02", fields: fields as never });
  for await (const chunk of stream) {
    if (chunk.kind === "start") start = chunk;
    else parts.push(Buffer.from(chunk.base64, "base64"));
  }
  return { file: Buffer.concat(parts), start: start! };
}

const dates = new Set(["createdAt", "updatedAt", "resolvedAt", "closedAt"]);
/** Date columns name the reader's zone: "Creado (Europe/Madrid)". */
const header = (fields: string[]) =>
  fields.map((f) => {
    const name = message("es", `Export.fields.${f}`);
    return dates.has(f) ? message("es", "Export.dateColumn").replace("{field}", name).replace("{zone}", "Europe/Madrid") : name;
  });

describe("ticket export", () => {
  it("writes a CSV with exactly the chosen fields and the visible tickets of the range", async () => {
    const fields = ["number", "subject", "status"];
    const { file, start } = await download(partner, "csv", fields);
    expect(start.filename).toBe("tickets_2026-03-01_2026-03-02.csv");
    const text = file.toString("utf8").replace(/^\uFEFF/, "");
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toBe(header(fields).join(","));
    const rows = lines.slice(1).sort();
    expect(rows).toEqual(
      [
        `${refs.inside},"Dentro, con ""comillas"", y coma",${message("es", "Statuses.new")}`,
        `${refs.lastDay},Último día (2 de marzo en Madrid),${message("es", "Statuses.new")}`,
      ].sort(),
    );
    expect(start.total).toBe(2);
  });

  it("writes an Excel workbook with the same content", async () => {
    const fields = ["number", "subject", "department", "createdAt"];
    const { file } = await download(partner, "xlsx", fields);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(header(fields));
    expect(sheet.actualRowCount).toBe(3);
    const numbers = [values(2)[0], values(3)[0]].sort();
    expect(numbers).toEqual([refs.inside, refs.lastDay].sort());
    expect(values(2)[2]).toBe("Soporte Técnico");
    // A real date holding the Madrid wall-clock time (Excel dates have no zone), shown day first.
    const lastDay = [2, 3].find((n) => values(n)[0] === refs.lastDay)!;
    expect(values(lastDay)[3]).toEqual(new Date(Date.UTC(2026, 2, 2, 0, 30)));
    expect(sheet.getRow(lastDay).getCell(4).numFmt).toBe("dd/mm/yyyy hh:mm");
  });

  it("writes dates in the reader's time zone and order, not as UTC ISO strings", async () => {
    const { file } = await download(partner, "csv", ["number", "createdAt"]);
    const rows = file
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toBe(header(["number", "createdAt"]).join(","));
    // 23:30 UTC on 1 March is 00:30 on 2 March in Madrid; 09:00 UTC is 10:00 there.
    expect(rows.slice(1).sort()).toEqual([`${refs.inside},01/03/2026 10:00`, `${refs.lastDay},02/03/2026 00:30`].sort());
  });

  it("gives another organization's user only their own tickets", async () => {
    const { file } = await download(globex, "csv", ["number"]);
    const rows = file
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n")
      .slice(1);
    expect(rows).toEqual([refs.globex]);
  });

  it("refuses an empty field list and a reversed range with translated messages", async () => {
    const { TRPCError } = await import("@trpc/server");
    const { formatError } = await import("../../server/trpc/error-format");
    const attempt = async (input: Record<string, unknown>) => {
      try {
        const stream = await callerFor(db, partner, "pt").tickets.export(input as never);
        for await (const _ of stream) void _;
      } catch (error) {
        expect(error).toBeInstanceOf(TRPCError);
        return formatError(error as InstanceType<typeof TRPCError>, "pt").fieldErrors;
      }
      throw new Error("the export should have been refused");
    };
    expect((await attempt({ format: "csv", from: "2026-03-01", to: "2026-03-02", fields: [] }))?.fields).toBe(
      message("pt", "Validation.chooseFields"),
    );
    expect((await attempt({ format: "csv", from: "2026-03-05", to: "2026-03-02", fields: ["number"] }))?.to).toBe(
      message("pt", "Validation.dateOrder"),
    );
  });
});
