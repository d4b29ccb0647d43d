// The client side of "nothing is lost across a network blip": every ticket change carries an
// increasing event id; the feed remembers the last one it passed on, and after each (re)connect asks
// the server for what came after it. Each change reaches the listeners once, whether it arrived live,
// through the catch-up, or both. Plain TypeScript over a Socket.IO client: the browser and the tests
// use the same code.
import type { Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents, TicketChange } from "../../server/realtime/events";

type MesaSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Listener = (change: TicketChange) => void;

/** How many delivered ids are remembered to drop duplicates (live and catch-up overlapping). */
const REMEMBERED = 2000;

export class ChangeFeed {
  private last: bigint | null = null;
  private readonly seen = new Set<string>();
  private readonly listeners = new Set<Listener>();

  constructor(private readonly socket: MesaSocket) {
    socket.on("ticket.changed", (change) => this.deliver(change));
    socket.on("connect", () => this.catchUp());
    if (socket.connected) this.catchUp();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The last event id passed on (null before the first connection answered). */
  get lastEventId(): string | null {
    return this.last === null ? null : String(this.last);
  }

  private catchUp(): void {
    this.socket.emit("events.since", this.lastEventId ?? "", ({ changes, latest }) => {
      for (const change of changes) this.deliver(change);
      if (latest !== null && (this.last === null || BigInt(latest) > this.last)) this.last = BigInt(latest);
    });
  }

  private deliver(change: TicketChange): void {
    if (this.seen.has(change.eventId)) return;
    this.seen.add(change.eventId);
    if (this.seen.size > REMEMBERED) this.seen.delete(this.seen.values().next().value!);
    const id = BigInt(change.eventId);
    if (this.last === null || id > this.last) this.last = id;
    for (const listener of this.listeners) listener(change);
  }
}
