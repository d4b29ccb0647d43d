// Export of the tickets a person may see, created in a date range, with the chosen columns, as CSV
// or Excel. Rows are read in batches and written as they come, so 100 000 tickets neither hold
// memory nor time out: the caller receives a stream of chunks with the progress between them.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { Db } from "../../db";
import type { Prisma } from "../../db/generated/client";
import type { AppLocale } from "../../i18n/locales";
import { wallTimeToInstant } from "../../i18n/time-zone";
import type { ExportRequest } from "../commands";
import { visibleTicketsWhere, type Viewer } from "../../access/visibility";
import { translator } from "../../i18n/translate";
import { isStaff } from "../../access/principal";
import { exportSelect, staffOnlyExportFields, headerRow, rowValues, type ExportField, type ExportRow } from "./fields";
import { dateText, excelDateFormat, excelWallDate } from "./date-cells";

const BATCH = 1000;

export type ExportChunk = { kind: "start"; total: number; filename: string; mime: string } | { kind: "data"; base64: string; rows: number };

async function* batches(db: Db, where: Prisma.TicketWhereInput): AsyncGenerator<ExportRow[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.ticket.findMany({
      where,
      select: exportSelect,
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!rows.length) return;
    yield rows;
    cursor = rows[rows.length - 1]!.id;
    if (rows.length < BATCH) return;
  }
}

// CSV injection. Which character separates cells is the reader's choice, not ours: Excel takes the
// list separator of the system's locale (`;` in es, fr, pt), LibreOffice asks, others split on tabs,
// and a reader whose separator is not ours honours our quotes only at the start of *its* cells. So
// quoting alone cannot keep `x;=1+1;y` in one cell, and a guard that looks only at the start of our
// comma-separated value misses the `=` that starts a cell once the line is split on `;`.
// The guard therefore works on every place where any reader could start a cell: the start of the
// value and the character after each `,` `;` tab, CR or LF inside it. If what follows there (after
// any blanks and quotes, which readers strip) is `=` `+` `-` `@` (or their full-width forms, which
// some Excel locales also read as a formula) or a tab/CR, a `'` goes in front of it: spreadsheets
// read a cell starting with `'` as text and hide the quote. The value is then quoted as RFC 4180
// asks when it holds a quote, separator or line break, so a standard reader sees the same text.
// The cost is a visible `'` in an unusual value (", -5" → ", '-5"); a value can never become a
// formula, whatever the separator.
const FORMULA_START = /(^|[,;\t\r\n])(?=[\s"]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r])/g;

export function csvCell(v: string | Date | null): string {
  const text = v instanceof Date ? v.toISOString() : (v ?? "");
  const safe = text.replace(FORMULA_START, "$1'");
  return /[",;\t\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const DATE_FIELDS: ReadonlySet<ExportField> = new Set(["createdAt", "updatedAt", "resolvedAt", "closedAt"]);

/** The header row; a date column says in which zone its times are ("Creado (Europe/Madrid)"). */
function header(fields: readonly ExportField[], locale: AppLocale, timeZone: string): string[] {
  const t = translator(locale);
  return headerRow(fields, locale).map((h, i) => (DATE_FIELDS.has(fields[i]!) ? t("Export.dateColumn", { field: h, zone: timeZone }) : h));
}

export async function* exportTickets(
  db: Db,
  viewer: Viewer & { timeZone: string },
  locale: AppLocale,
  request: ExportRequest,
): AsyncGenerator<ExportChunk> {
  // Tags are support's own labels: a customer's export never carries them.
  const input = isStaff(viewer) ? request : { ...request, fields: request.fields.filter((f) => !staffOnlyExportFields.has(f)) };
  const from = wallTimeToInstant(`${input.from}T00:00`, viewer.timeZone)!;
  const dayAfter = new Date(Date.parse(`${input.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const until = wallTimeToInstant(`${dayAfter}T00:00`, viewer.timeZone)!; // the whole last day
  const where: Prisma.TicketWhereInput = { AND: [visibleTicketsWhere(viewer), { createdAt: { gte: from, lt: until } }] };
  const total = await db.ticket.count({ where });
  const stamp = `${input.from}_${input.to}`;
  const valuesOf = rowValues(input.fields, locale);
  if (input.format === "csv") {
    yield { kind: "start", total, filename: `tickets_${stamp}.csv`, mime: "text/csv;charset=utf-8" };
    // A BOM so Excel opens UTF-8 accents correctly.
    yield {
      kind: "data",
      base64: Buffer.from("\uFEFF" + header(input.fields, locale, viewer.timeZone).map(csvCell).join(",") + "\r\n").toString("base64"),
      rows: 0,
    };
    for await (const rows of batches(db, where)) {
      const cells = (r: ExportRow) => valuesOf(r).map((v) => (v instanceof Date ? dateText(v, locale, viewer.timeZone) : v));
      const text = rows.map((r) => cells(r).map(csvCell).join(",")).join("\r\n") + "\r\n";
      yield { kind: "data", base64: Buffer.from(text).toString("base64"), rows: rows.length };
    }
    return;
  }
  yield {
    kind: "start",
    total,
    filename: `tickets_${stamp}.xlsx`,
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
  const out = new PassThrough();
  const pending: Buffer[] = [];
  out.on("data", (chunk: Buffer) => pending.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = book.addWorksheet("Tickets");
  sheet.addRow(header(input.fields, locale, viewer.timeZone)).commit();
  const dateFormat = excelDateFormat(locale);
  const drain = () => Buffer.concat(pending.splice(0)).toString("base64");
  for await (const rows of batches(db, where)) {
    for (const r of rows) {
      const values = valuesOf(r);
      const row = sheet.addRow(values.map((v) => (v instanceof Date ? excelWallDate(v, viewer.timeZone) : v)));
      values.forEach((v, i) => {
        if (v instanceof Date) row.getCell(i + 1).numFmt = dateFormat;
      });
      row.commit();
    }
    yield { kind: "data", base64: drain(), rows: rows.length };
  }
  sheet.commit();
  await book.commit();
  yield { kind: "data", base64: drain(), rows: 0 };
}
