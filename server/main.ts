// Mesa's process: Next.js and Socket.IO on one port, the database opened once for both.
// Shuts down gracefully on SIGTERM/SIGINT: stops accepting, lets in-flight requests finish, closes
// sockets and the database.
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server as HttpServer } from "node:http";
import next from "next";
import { loadStartupConfig } from "./boot/config";
import { openConfiguredDatabase } from "./boot/database";
import { clientIp, trustedProxyHops } from "./boot/client-ip";
import { startScheduler } from "./automation/scheduler";
import { startOutboxWorker, stopOutbox } from "./notifications/outbox";
import { startDispatchWorker } from "./after-commit/worker";
import { startInboundWorker } from "./inbound/worker";
import { startMailboxFetchers } from "./inbound/sources/fetchers";
import { getDb } from "./db";
import { useCrossNodeAdapter } from "./realtime/adapter";
import { attachRealtime } from "./realtime/attach";
import { guardedHandler } from "./http/pipeline";
import { normaliseOrigin, pathOf } from "./http/request-guard";
import { addSecurityHeadersTo } from "./http/security-headers";

const env = await loadStartupConfig();
const dev = env.NODE_ENV !== "production";
const database = await openConfiguredDatabase(env);

// Next attaches an 'upgrade' listener of its own to the server of the first request it handles (for
// its dev reloader) and ends every upgrade it does not route itself: Socket.IO's WebSockets died a
// few milliseconds after opening and every browser fell back to long-polling. Next gets a stand-in
// server to attach to; upgrades are dispatched below (Socket.IO's, and in dev the reloader's).
const app = next({
  dev,
  dir: new URL("..", import.meta.url).pathname,
  port: env.PORT,
  httpServer: new EventEmitter() as unknown as HttpServer,
});
await app.prepare();
const handle = app.getRequestHandler();

const proxyHops = trustedProxyHops(env.TRUST_PROXY);
// Security headers on every response; requests from another origin and bodies over their route's
// limit are refused before Next reads them (server/http/).
const appUrl = process.env.NEXTAUTH_URL!;
const guard = { appOrigin: normaliseOrigin(appUrl), appUrl };
const guarded = guardedHandler(handle, guard);
const http = createServer((req, res) => {
  // Never trust a client-sent value: this header is ours alone.
  req.headers["x-mesa-client-ip"] = clientIp(req, proxyHops);
  guarded(req, res);
});
// Idle keep-alive connections stay open longer than a load balancer's (60 s is common) and than
// clients reuse them: with Node's 5 s default, a client sending on a connection the server is just
// closing gets ECONNRESET (seen in the end-to-end tests).
http.keepAliveTimeout = 65_000;
http.headersTimeout = 66_000;
const io = attachRealtime(http, { db: getDb, secret: process.env.NEXTAUTH_SECRET!, appOrigin: guard.appOrigin });
// Engine.IO answers long-polling itself, past the request handler above: the same headers there.
io.engine.on("headers", (headers: Record<string, unknown>, req: IncomingMessage) =>
  addSecurityHeadersTo(headers, pathOf(req.url ?? "/"), guard),
);
const closeAdapter = database.kind === "postgresql" ? await useCrossNodeAdapter(io, env.DATABASE_URL!) : async () => {};
// Socket.IO takes its own upgrades; in dev Next's reloader gets the rest, in production nothing does.
const nextUpgrade = dev ? app.getUpgradeHandler() : null;
http.on("upgrade", (req, socket, head) => {
  if (req.url?.startsWith("/socket.io")) return;
  if (nextUpgrade) void nextUpgrade(req, socket, head);
  else socket.destroy();
});

const stopScheduler = startScheduler(getDb, env.AUTOMATION_INTERVAL_SECONDS);
startOutboxWorker(getDb);
// After-commit work (SLA deadlines, live announcements, mail) follows the event table.
const dispatcher = await startDispatchWorker(getDb, database.listen);
// Inbound mail: stored first (webhook, mailboxes), then processed here, on whichever node is free.
const inbound = await startInboundWorker(getDb, database.listen);
// The mailboxes of Administración › Buzones, each fetched by one node at a time (a lease).
const fetchers = startMailboxFetchers(getDb, { pollSeconds: env.MAILBOX_POLL_SECONDS });

http.listen(env.PORT, () =>
  console.info(`Mesa listens on ${process.env.NEXTAUTH_URL} (${database.kind}, ${dev ? "development" : "production"})`),
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.info(`[main] ${signal}: finishing in-flight requests`);
  const force = setTimeout(() => process.exit(1), 15_000).unref();
  stopScheduler();
  await stopOutbox(); // the mail in flight finishes; nothing new starts
  io.disconnectSockets(true);
  await new Promise<void>((resolve) => {
    http.close(() => resolve());
    http.closeIdleConnections();
  });
  await fetchers.stop(); // sessions end, leases are released for the other nodes
  await inbound.stop(); // the mail being processed finishes; the rest stays stored
  await dispatcher.stop(); // a run in progress finishes; what is left waits in the table
  await io.close().catch(() => {});
  await closeAdapter().catch(() => {});
  await app.close?.();
  await database.close();
  clearTimeout(force);
  console.info("[main] stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
