// What every measure gets: the plan, the run's database (a bare `pg` client for floors and a
// capturing Prisma client for the SQL Mesa runs), the Mesa server under test, and where to write.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { loadPrincipal, type Principal } from "../../../server/access/principal";
import type { Plan } from "../dataset/plan";
import type { CapturingDb } from "./sql-capture";
import type { MesaServer } from "./server";
import type { SmtpSink } from "./smtp-sink";
import { BENCH_SECRET } from "./server";
import { sessionCookie } from "./sessions";
import { TrpcHttp } from "./trpc-http";

export interface BenchContext {
  plan: Plan;
  quick: boolean;
  databaseUrl: string;
  bare: pg.Client;
  capture: CapturingDb;
  server: MesaServer;
  smtpUrl: string;
  smtp: SmtpSink;
  outDir: string;
  log(line: string): void;
}

export interface SignedIn {
  http: TrpcHttp;
  principal: Principal;
}

export async function signIn(ctx: BenchContext, email: string, connections = 4): Promise<SignedIn> {
  const { cookie, userId } = await sessionCookie(ctx.bare, BENCH_SECRET, email);
  const principal = await loadPrincipal(ctx.capture.db, userId, { kind: "script" });
  if (!principal) throw new Error(`${email} cannot sign in`);
  return { http: new TrpcHttp(ctx.server.url, cookie, connections), principal };
}

export function saveBeside(ctx: BenchContext, name: string, text: string): void {
  writeFileSync(path.join(ctx.outDir, name), text);
}
