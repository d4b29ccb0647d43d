// CSV injection whatever the separator the spreadsheet picks. As found: a subject `x;=1+1;y` came
// out as `"x;=1+1;y"`; Excel with `;` as its list separator (es, fr, pt) splits that line on `;`
// and ignores our quotes (they do not start its cell), so `=1+1` became a formula cell. The export
// is produced through the real procedure and then split as such a reader would: on `;`, on `,`, on
// tabs, line by line, quotes ignored; no cell may start a formula.
import type { SignedIn } from "../support/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { csvCell } from "../../server/tickets/export/export-tickets";
import { callerFor } from "../support/factories";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";

let world: DemoWorld;
let db: Db;
let partner: SignedIn;

const hostile = [
  "x;=1+1;y",
  "a,@SUM(1)",
  "ok;+cmd|' /C calc'!A0",
  'q,"=HYPERLINK(1)"',
  "n; -2+3",
  "full;＝1+1", // some Excel locales read a full-width equals sign as a formula too
  "=direct",
] as const;
// Control characters no longer pass the forms' validation, but the export must not trust that: a
// value from mail, an import or an older row may hold them. Written to the database directly.
const storedOnly = ["z,\t=1", "line\n=1+1"] as const;

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  partner = await world.login("partner@demo.test");
  const support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  const acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } });
  for (const subject of hostile) {
    await callerFor(db, partner, "es", new Date("2026-04-10T10:00:00Z")).tickets.create({
      type: "request",
      departmentId: support.id,
      categoryId: support.categories[0]!.id,
      organizationId: acme.id,
      serviceIds: [],
      watcherIds: [],
      subject,
      description: "-1+1 in the description does not matter: it is not exported",
    });
  }
  for (const subject of storedOnly) {
    const { id } = await callerFor(db, partner, "es", new Date("2026-04-10T11:00:00Z")).tickets.create({
      type: "request",
      departmentId: support.id,
      categoryId: support.categories[0]!.id,
      organizationId: acme.id,
      serviceIds: [],
      watcherIds: [],
      subject: "replaced below",
      description: "x",
    });
    await db.ticket.update({ where: { id }, data: { subject } });
  }
});
afterAll(() => world?.close());

async function exportCsv(fields: string[]): Promise<string> {
  const parts: Buffer[] = [];
  const stream = await callerFor(db, partner, "es").tickets.export({
    format: "csv",
    from: "2026-04-10",
    to: "2026-04-10",
    fields: fields as never,
  });
  for await (const chunk of stream) if (chunk.kind === "data") parts.push(Buffer.from(chunk.base64, "base64"));
  return Buffer.concat(parts)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
}

/** Every cell some reader could see: lines split on CR/LF, cells on `sep`, quotes not honoured;
 * leading blanks and quotes are dropped as readers do before deciding a cell is a formula. */
function naiveCells(csv: string, sep: string | RegExp): string[] {
  return csv
    .split(/\r\n|\r|\n/)
    .flatMap((line) => line.split(sep))
    .map((cell) => cell.replace(/^[\s"]+/, ""));
}

const formula = /^[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A standard RFC 4180 reader with `,` (what LibreOffice or a script sees). */
function parseRfc4180(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      endCell();
    } else if (!quoted && c === "\r" && csv[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe("CSV export against formula injection", () => {
  it("never yields a formula cell when the file is split on ; , or tabs", async () => {
    const csv = await exportCsv(["number", "subject", "status"]);
    // The hostile subjects are all there (nothing was dropped)…
    expect(csv).toContain("x;'=1+1;y");
    expect(csv).toContain("a,'@SUM(1)");
    // …and no reader, whatever its separator, sees a cell that starts a formula.
    for (const sep of [";", ",", "\t", /[;,\t]/]) {
      const offending = naiveCells(csv, sep).filter((cell) => formula.test(cell));
      expect(offending, `cells split on ${String(sep)}`).toEqual([]);
    }
  });

  it("keeps the text readable for a standard CSV reader: only a ' marks the defused spots", async () => {
    const rows = parseRfc4180(await exportCsv(["subject"]));
    const subjects = rows.slice(1).map((r) => r[0]);
    expect(rows.every((r) => r.length === 1)).toBe(true);
    expect(subjects).toEqual(
      expect.arrayContaining([
        "x;'=1+1;y",
        "a,'@SUM(1)",
        "ok;'+cmd|' /C calc'!A0",
        `q,'"=HYPERLINK(1)"`,
        "n;' -2+3",
        "z,'\t'=1", // a ' after the comma, another after the tab (a tab-separated reader)
        "line\n'=1+1",
        "'=direct",
        "full;'＝1+1",
      ]),
    );
  });

  it("leaves ordinary values alone", () => {
    expect(csvCell('Dentro, con "comillas", y coma')).toBe('"Dentro, con ""comillas"", y coma"');
    expect(csvCell("TK-000042")).toBe("TK-000042");
    expect(csvCell("Hosting Pro acme.example, VPS acme-01")).toBe('"Hosting Pro acme.example, VPS acme-01"');
    expect(csvCell(new Date("2026-03-01T09:00:00Z"))).toBe("2026-03-01T09:00:00.000Z");
    expect(csvCell(null)).toBe("");
  });
});
