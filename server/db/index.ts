// The process-wide database handle. Next bundles route handlers apart from the custom server, so a
// module-level singleton would not be shared: the handle lives on a globalThis symbol, set once by
// server/main.ts (or a script) and read everywhere else.
import type { OpenedDatabase } from "./open";

import type { Prisma } from "./generated/client";

export type { Db } from "./open";
/** A Prisma interactive transaction: use-cases write their change and its events through one. */
export type Tx = Prisma.TransactionClient;
const KEY = Symbol.for("mesa.database");
type Holder = { [KEY]?: OpenedDatabase };

export function setDatabase(opened: OpenedDatabase | undefined): void {
  (globalThis as Holder)[KEY] = opened;
}

export function currentDatabase(): OpenedDatabase {
  const opened = (globalThis as Holder)[KEY];
  if (!opened) throw new Error("The database is not open: Mesa must be started with server/main.ts");
  return opened;
}

export const getDb = () => currentDatabase().db;
