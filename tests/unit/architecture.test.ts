// Stands in for a lint rule: pages under app/ only render and call tRPC; the database stays behind
// server/. A page importing Prisma (or the code that opens the database) fails here.
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
  specifier.startsWith(".") ? path.relative(root, path.resolve(path.dirname(file), specifier)).split(path.sep).join("/") : specifier;

describe("architecture", () => {
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
