// Prisma CLI configuration: only `prisma generate` is used (migrations are generated and applied by
// our own scripts, see scripts/new-migration.ts and server/db/migrate.ts).
import { defineConfig } from "prisma/config";

export default defineConfig({ schema: "prisma/schema.prisma" });
