// The layering of the tree, checked on the real files (eslint.config.mjs states the same rules for
// the editor): pages under app/ only render and call tRPC, the database stays behind server/; the
// satellites (files, sensitive, sla, notifications, realtime, …) never call back into the ticket
// use-cases or the channels that drive them; pure rules in server/domain do no I/O.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const forbidden = [/^@prisma\//, /^pg$/, /^@electric-sql\/pglite/, /(^|\/)server\/db\/(generated|open|pglite|migrate)(\/|\.ts$|$)/];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(entry.name) ? [full] : [];
  });
}

/** Module specifiers of static imports, re-exports, dynamic imports and requires. */
function importsOf(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?(?:[\w*${}\s,]+?\s+from\s+)?["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]!));
}

/** Resolves relative specifiers against the importing file, so "../../server/db/open" is seen as such. */
const normalise = (file: string, specifier: string) =>
  specifier.startsWith(".")
    ? path
        .relative(root, path.resolve(path.dirname(file), specifier))
        .split(path.sep)
        .join("/")
    : specifier;

/** Folders under server/ that the ticket use-cases call and that must not call back. */
export const satellites = [
  "files",
  "sensitive",
  "sla",
  "notifications",
  "realtime",
  "lifecycle",
  "kb",
  "access",
  "events",
  "domain",
  "validation",
  "db",
  "errors",
  "i18n",
  "config",
  "email",
];
/** What they may not reach: the use-cases and the channels on top of them. */
const above = /^server\/(tickets|trpc|automation|after-commit)(\/|$)/;

/** The offending imports of one server file, as "file imports spec" lines. */
function layerViolations(file: string, source: string): string[] {
  const rel = path.relative(root, file).split(path.sep).join("/");
  const folder = rel.split("/")[1] ?? "";
  const specs = importsOf(source).map((spec) => normalise(file, spec));
  const bad = specs.filter((spec) => {
    if (satellites.includes(folder) && above.test(spec)) return true;
    // The REST channel (server/rest) sits on top of tRPC and calls its procedures.
    if (folder !== "trpc" && folder !== "rest" && /^server\/trpc(\/|$)/.test(spec)) return true;
    // Pure rules: nothing but each other and the domain error.
    if (folder === "domain") return !/^server\/(domain|errors)\//.test(spec) && !isTypeOnly(source, spec, file);
    return false;
  });
  return bad.map((spec) => `${rel} imports ${spec}`);
}

/** Whether every import of `spec` in the file is `import type` (types carry no I/O). */
function isTypeOnly(source: string, spec: string, file: string): boolean {
  const forms = [...source.matchAll(/\bimport\s+(type\s+)?[^;]*?from\s+["']([^"']+)["']/g)].filter((m) => normalise(file, m[2]!) === spec);
  return forms.length > 0 && forms.every((m) => !!m[1]);
}

describe("architecture", () => {
  it("no satellite of the ticket use-cases imports them, nothing but a channel imports tRPC, and pure rules do no I/O", () => {
    const files = sourceFiles(path.join(root, "server")).filter((f) => !f.includes(`${path.sep}generated${path.sep}`));
    expect(files.length).toBeGreaterThan(50);
    expect(files.flatMap((file) => layerViolations(file, readFileSync(file, "utf8")))).toEqual([]);
  });

  it("the layering check catches a satellite calling back into the use-cases", () => {
    const satellite = path.join(root, "server/sla/example.ts");
    expect(layerViolations(satellite, `import { createTicket } from "../tickets/create-ticket";`)).toEqual([
      "server/sla/example.ts imports server/tickets/create-ticket",
    ]);
    expect(layerViolations(satellite, `import type { Tx } from "../db";\nimport { readClock } from "./sla-clock";`)).toEqual([]);
    const pure = path.join(root, "server/domain/example.ts");
    expect(layerViolations(pure, `import { getDb } from "../db";`)).toEqual(["server/domain/example.ts imports server/db"]);
    expect(layerViolations(pure, `import type { Priority } from "../db/generated/enums";`)).toEqual([]);
    expect(layerViolations(path.join(root, "server/users/example.ts"), `import { appRouter } from "../trpc/router";`)).toHaveLength(1);
  });

  it("no file under app/ imports Prisma or opens the database", () => {
    const files = sourceFiles(path.join(root, "app"));
    expect(files.length).toBeGreaterThan(10);
    const offending = files.flatMap((file) =>
      importsOf(readFileSync(file, "utf8"))
        .map((spec) => normalise(file, spec))
        .filter((spec) => forbidden.some((re) => re.test(spec)))
        .map((spec) => `${path.relative(root, file)} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it("the import scan catches every form of import", () => {
    const sample = [
      `import { PrismaClient } from "@prisma/client";`,
      `import type { User } from '../../server/db/generated/client';`,
      `export { openDatabase } from "../server/db/open";`,
      `const m = await import("../server/db/open");`,
      `import "pg";`,
      `import {\n  a,\n  b,\n} from "x-multi-line";`,
    ].join("\n");
    expect(importsOf(sample)).toEqual(
      expect.arrayContaining(["@prisma/client", "../../server/db/generated/client", "../server/db/open", "pg", "x-multi-line"]),
    );
    const file = path.join(root, "app/[locale]/page.tsx");
    expect(forbidden.some((re) => re.test(normalise(file, "../../server/db/generated/client")))).toBe(true);
    expect(forbidden.some((re) => re.test(normalise(file, "../../server/db")))).toBe(false);
  });
});
