// `npm run migration:new -- <name>` writes prisma/migrations/<NNNN>_<name>/migration.sql with what
// schema.prisma adds to the existing migrations.
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pendingSchemaSql } from "./schema-diff";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run migration:new -- <name>");
  process.exit(2);
}
const sql = await pendingSchemaSql();
if (!sql) {
  console.log("schema.prisma and the migrations agree: nothing to write");
  process.exit(0);
}
const dir = path.resolve(import.meta.dirname, "../prisma/migrations");
const count = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).length;
const target = path.join(dir, `${String(count + 1).padStart(4, "0")}_${name}`);
await mkdir(target, { recursive: true });
await writeFile(path.join(target, "migration.sql"), sql + "\n");
console.log(`wrote ${path.relative(process.cwd(), target)}/migration.sql`);
