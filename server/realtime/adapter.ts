// Several Mesa processes behind one load balancer: on PostgreSQL, Socket.IO's postgres adapter
// relays broadcasts and fetchSockets() (presence) between nodes over LISTEN/NOTIFY, so a change made
// through node A reaches a browser connected to node B. On the embedded database only one process
// may open DATA_DIR, so there is nothing to relay.
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { RealtimeServer } from "./emit";

const TABLE = "socket_io_attachments";

/** Returns a function that closes the adapter's connections. */
export async function useCrossNodeAdapter(io: RealtimeServer, databaseUrl: string): Promise<() => Promise<void>> {
  const url = new URL(databaseUrl);
  url.search = ""; // Prisma's ?schema= is not a libpq option; NOTIFY channels are database-wide anyway
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  pool.on("error", (error) => console.error("[realtime] adapter connection error", error));
  // Large payloads (rare: presence answers) go through this table instead of NOTIFY's 8 kB.
  await pool.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)`);
  io.adapter(createAdapter(pool, { tableName: TABLE, channelPrefix: "mesa_socket_io" }));
  return () => pool.end();
}
