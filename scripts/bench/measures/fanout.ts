// P4 and P5: a status change reaching the sockets that watch the ticket. N Socket.IO clients (real
// WebSocket connections, signed in as the ticket's organization admin, each watching the ticket
// through `ticket.watch`) and one agent who changes its status over tRPC; each sample is the time
// from sending the change to one socket receiving `ticket.changed` (so it holds the commit, the
// after-commit dispatch and the emit through the PostgreSQL adapter). P4's floor: a bare socket.io
// server in its own process emitting to the same number of clients after an HTTP request.
import { spawn } from "node:child_process";
import path from "node:path";
import { request } from "undici";
import { io as connect, type Socket } from "socket.io-client";
import type { BenchContext } from "../harness/context";
import { signIn } from "../harness/context";
import { BENCH_SECRET, repoRoot } from "../harness/server";
import { sessionCookie } from "../harness/sessions";
import { summarize, round, type Result, type Summary } from "../harness/stats";

const ROUNDS = 20;

/** Opens `count` sockets, `parallel` handshakes at a time; each is ready once `ready` resolves. */
async function openSockets(count: number, open: () => Socket, ready: (socket: Socket) => Promise<void>, parallel = 50): Promise<Socket[]> {
  const sockets: Socket[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        next++;
        const socket = open();
        sockets.push(socket);
        await new Promise<void>((resolve, reject) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", reject);
        });
        await ready(socket);
      }
    }),
  );
  return sockets;
}

/** Runs `rounds` changes; each waits until every socket heard it. Returns one sample per socket per
 * round (ms from the change being sent to the event arriving) and the wall time. */
async function fanOut(sockets: Socket[], change: (round: number) => Promise<unknown>, rounds: number) {
  const samples: number[] = [];
  const changes: number[] = [];
  let t0 = 0;
  let done: () => void = () => {};
  const seen = new Set<Socket>();
  for (const socket of sockets)
    socket.on("ticket.changed", () => {
      if (seen.has(socket)) return; // one sample per socket per round
      seen.add(socket);
      samples.push(performance.now() - t0);
      if (seen.size === sockets.length) done();
    });
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    seen.clear();
    const all = new Promise<void>((resolve, reject) => {
      done = resolve;
      setTimeout(
        () => reject(new Error(`round ${round}: ${seen.size} of ${sockets.length} sockets heard the change in 30 s`)),
        30_000,
      ).unref();
    });
    t0 = performance.now();
    await change(round);
    changes.push(performance.now() - t0);
    await all;
    await new Promise((r) => setTimeout(r, 50)); // late duplicates land before the next round
  }
  for (const socket of sockets) socket.off("ticket.changed");
  return { samples, changes, wallMs: performance.now() - started };
}

async function mesaFanOut(ctx: BenchContext, count: number): Promise<{ mesa: Summary; change: Summary; rssMb: number; connectS: number }> {
  const agent = await signIn(ctx, "agent@demo.test", 2);
  const partner = await sessionCookie(ctx.bare, BENCH_SECRET, "orgadmin@demo.test");
  const ticket = await ctx.bare.query<{ id: string; status: string }>(
    `SELECT t.id, t.status FROM "Ticket" t JOIN "User" u ON u.id = t."requesterId"
     WHERE u.email = 'orgadmin@demo.test' AND t."departmentId" = ANY($1::int[]) AND t.status IN ('open', 'on_hold')
     ORDER BY t."updatedAt" DESC LIMIT 1`,
    [agent.principal.departmentIds],
  );
  const { id: ticketId, status } = ticket.rows[0]!;
  const connectStarted = performance.now();
  const sockets = await openSockets(
    count,
    () =>
      connect(ctx.server.url, {
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        extraHeaders: { cookie: partner.cookie, origin: ctx.server.url },
      }),
    async (socket) => {
      const ok = await socket.timeout(30_000).emitWithAck("ticket.watch", ticketId);
      if (!ok) throw new Error("ticket.watch refused");
    },
  );
  const connectS = round((performance.now() - connectStarted) / 1000);
  ctx.log(`${count} sockets watching ${ticketId} (connected in ${connectS} s, server RSS ${ctx.server.rssMb()} MB)`);
  const statuses = status === "open" ? ["on_hold", "open"] : ["open", "on_hold"];
  const change = (r: number) => agent.http.mutation("tickets.setStatus", { ticket: ticketId, status: statuses[r % 2] });
  await fanOut(sockets, change, 2); // warm-up
  ctx.server.resetPeak();
  const run = await fanOut(sockets, change, ROUNDS);
  const rssMb = ctx.server.peakRssMb();
  for (const socket of sockets) socket.disconnect();
  await agent.http.close();
  return { mesa: summarize(run.samples, run.wallMs), change: summarize(run.changes, run.wallMs), rssMb, connectS };
}

async function bareFanOut(count: number): Promise<Summary> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "scripts/bench/harness/bare-socket-server.ts")], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const port = await new Promise<number>((resolve) =>
    child.stdout!.once("data", (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    const sockets = await openSockets(
      count,
      () => connect(url, { transports: ["websocket"], reconnection: false, forceNew: true }),
      async () => {},
    );
    const emit = async () => {
      const response = await request(`${url}/emit`, { method: "POST" });
      await response.body.text();
    };
    await fanOut(sockets, emit, 2);
    const run = await fanOut(sockets, emit, ROUNDS);
    for (const socket of sockets) socket.disconnect();
    return summarize(run.samples, run.wallMs);
  } finally {
    child.kill("SIGTERM");
  }
}

export async function p4Fanout(ctx: BenchContext): Promise<Result[]> {
  const count = ctx.quick ? 200 : 1_000;
  const { mesa, change, rssMb, connectS } = await mesaFanOut(ctx, count);
  const floor = await bareFanOut(count);
  const ratio = round(mesa.p95 / floor.p95);
  return [
    {
      id: "P4",
      measure: `status change → ${count} watching sockets (${ROUNDS} changes)`,
      mesa,
      floor,
      ratio: { value: ratio, of: "p95 ÷ floor p95" },
      target: "p95 < 150 ms, ≤ 3× floor",
      pass: mesa.p95 < 150 && ratio <= 3,
      notes: [
        `server RSS peak ${rssMb} MB; ${count} sockets connected and watching in ${connectS} s`,
        `the tickets.setStatus request itself: p50 ${change.p50} / p95 ${change.p95} ms`,
      ],
      extra: { rssMb, connectS, change },
    },
  ];
}

export async function p5Fanout(ctx: BenchContext): Promise<Result[]> {
  const count = ctx.quick ? 1_000 : 10_000;
  const { mesa, change, rssMb, connectS } = await mesaFanOut(ctx, count);
  return [
    {
      id: "P5",
      measure: `status change → ${count} connected sockets (${ROUNDS} changes)`,
      mesa,
      target: "p95 < 500 ms; server RSS reported",
      pass: mesa.p95 < 500,
      notes: [
        `server RSS peak ${rssMb} MB; ${count} sockets connected and watching in ${connectS} s`,
        `the tickets.setStatus request itself: p50 ${change.p50} / p95 ${change.p95} ms`,
      ],
      extra: { rssMb, connectS, change },
    },
  ];
}
