// Drives Prisma's WebAssembly schema engine offline (the CLI's native engine cannot be downloaded
// here): the SQL that takes a database migrated with prisma/migrations to prisma/schema.prisma.
// Used by `npm run migration:new` and by the drift test. See DESIGN.md, "Prisma CLI offline".
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { openPglite } from "../server/db/pglite";

const root = path.resolve(import.meta.dirname, "..");
const schemaPath = path.join(root, "prisma/schema.prisma");
const migrationsDir = path.join(root, "prisma/migrations");

/** Shadow databases get our extensions too, so migrations that create them replay. */
class ShadowAwarePGlite extends PrismaPGlite {
  constructor(
    client: PGlite,
    private readonly opened: PGlite[],
  ) {
    super(client);
  }
  override async connectToShadowDb() {
    const shadow = await openPglite();
    this.opened.push(shadow);
    return new PrismaPGlite(shadow).connect();
  }
}

async function loadEngine() {
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= { set_message: () => {} };
  const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
  });
  const exports = instance.exports as Record<string, unknown> & { __wbindgen_start: () => void };
  (glue as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(exports);
  exports.__wbindgen_start();
  return glue;
}

async function migrationDirectories() {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    dirs.map(async (name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      return {
        path: path.join(migrationsDir, name),
        migrationFile: { path: file, content: { tag: "ok", value: await readFile(file, "utf8") } },
      };
    }),
  );
}

/** Returns the SQL still missing from the migrations, or "" when they match the schema. */
export async function pendingSchemaSql(): Promise<string> {
  const glue = await loadEngine();
  const opened: PGlite[] = [];
  const main = await openPglite();
  opened.push(main);
  try {
    const factory = bindMigrationAwareSqlAdapterFactory(new ShadowAwarePGlite(main, opened));
    const schema = await readFile(schemaPath, "utf8");
    const files = [{ path: schemaPath, content: schema }];
    const lockfile = {
      path: path.join(migrationsDir, "migration_lock.toml"),
      content: await readFile(path.join(migrationsDir, "migration_lock.toml"), "utf8"),
    };
    const engine = await glue.SchemaEngine.new({ datamodels: [[schemaPath, schema]] } as never, () => {}, factory as never);
    const result = (await engine.diff({
      from: {
        tag: "migrations",
        baseDir: migrationsDir,
        lockfile,
        shadowDbInitScript: "",
        migrationDirectories: await migrationDirectories(),
      },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    } as never)) as { stdout: string };
    const sql = result.stdout.trim();
    return sql.startsWith("-- This is an empty migration.") ? "" : sql;
  } finally {
    await Promise.all(opened.map((db) => db.close()));
  }
}
