// Who may stay in which room. A socket joins rooms through the visibility rule when it connects
// (its own, its organizations', its queues') and when it asks to follow a ticket; this file takes
// them away again when that access ends, so no event reaches a socket its person could no longer
// fetch:
// - on every ticket announcement (ticket-changes.ts, run by the after-commit dispatcher for every
//   change, a watcher removed included), the sockets following that ticket are checked against the
//   visibility rule with their person re-read from the database, and leave the ticket's rooms they
//   may no longer be in, before anything is sent;
// - when a person's access changes without a ticket changing (an organization membership removed
//   or its role changed, a department unassigned, an organization removed), refreshAccessOf /
//   refreshAccessIn re-derive the organization and queue rooms of that person's sockets and re-check
//   every ticket room they are in.
// fetchSockets() answers for every node (through the adapter, see adapter.ts), and join/leave on a
// remote socket go through the adapter too. The principal kept on a socket (socket.data.user) is
// replaced on local sockets here; every node also re-reads it before each access decision a socket
// asks for (attach.ts), so a remote copy is never what grants anything.
import { Socket } from "socket.io";
import type { Db } from "../db";
import { isStaff, loadPrincipal, type Principal } from "../access/principal";
import { visibleTicketsWhere } from "../access/visibility";
import { loadSessionPrincipal } from "../auth/sessions";
import { realtimeServer } from "./emit";
import { orgRoom, queueRoom, ticketRoom, ticketStaffRoom, userRoom } from "./events";

export interface SocketData {
  user: Principal;
  /** Tickets this socket shows, with whether its person is typing a reply there (staff only). */
  viewing: Record<string, boolean>;
}

/** The rooms a person's sockets belong to besides the tickets they follow. */
export async function roomsFor(db: Db, user: Principal): Promise<string[]> {
  const rooms = [userRoom(user.id)];
  if (user.role === "admin") {
    for (const d of await db.department.findMany({ select: { id: true } })) rooms.push(queueRoom(d.id));
  } else if (user.role === "agent") {
    rooms.push(...user.departmentIds.map(queueRoom));
  }
  for (const o of user.organizations) if (o.role === "admin" || o.membersSeeAll) rooms.push(orgRoom(o.id));
  return rooms;
}

/** The person behind a socket as the database says now; null when their session ended or the
 * account is gone or deactivated. */
export async function currentPrincipal(db: Db, user: Principal, now = new Date()): Promise<Principal | null> {
  return user.source.kind === "session" ? loadSessionPrincipal(db, user.source.sessionId, now) : loadPrincipal(db, user.id, user.source);
}

/** A socket as fetchSockets() gives it: a local one, or one on another node. */
interface AnySocket {
  id: string;
  rooms: Set<string>;
  data: unknown;
  join(room: string | string[]): unknown;
  leave(room: string): unknown;
  disconnect(close?: boolean): unknown;
}

const userOf = (socket: AnySocket) => (socket.data as Partial<SocketData> | undefined)?.user;
const sourceKey = (user: Principal) => (user.source.kind === "session" ? `session:${user.source.sessionId}` : `user:${user.id}`);

/** Re-reads each distinct principal once (sockets of one session share it). */
function principalCache(db: Db) {
  const cache = new Map<string, Promise<Principal | null>>();
  return (user: Principal) => {
    const key = sourceKey(user);
    let loaded = cache.get(key);
    if (!loaded) cache.set(key, (loaded = currentPrincipal(db, user)));
    return loaded;
  };
}

/** Keeps what a local socket holds in step (a remote copy cannot be written; see the top). */
function remember(socket: AnySocket, user: Principal, leftTickets: string[]): void {
  if (!(socket instanceof Socket)) return;
  const data = socket.data as SocketData;
  data.user = user;
  for (const id of leftTickets) delete data.viewing[id];
}

async function leave(socket: AnySocket, room: string): Promise<void> {
  await socket.leave(room);
}

const ticketOfRoom = (room: string) => /^ticket(?:-staff)?:(.+)$/.exec(room)?.[1];

export interface Revoked {
  /** Sockets that may no longer see the ticket at all. */
  unseen: string[];
  /** Sockets that may still see it, but no longer as support staff. */
  notStaff: string[];
}

/** Makes the sockets following `ticketId` that may no longer see it (or no longer as staff) leave
 * its rooms, and says which they were, so the announcement that follows can leave them out even
 * before a remote node has applied the leave. */
export async function revokeTicketRooms(db: Db, ticketId: string): Promise<Revoked> {
  const revoked: Revoked = { unseen: [], notStaff: [] };
  const io = realtimeServer();
  if (!io) return revoked;
  const sockets = (await io.in([ticketRoom(ticketId), ticketStaffRoom(ticketId)]).fetchSockets()) as unknown as AnySocket[];
  const principal = principalCache(db);
  const sees = new Map<string, Promise<boolean>>();
  for (const socket of sockets) {
    const was = userOf(socket);
    if (!was) continue;
    const now = await principal(was);
    if (!now) {
      socket.disconnect(true);
      revoked.unseen.push(socket.id);
      continue;
    }
    const key = sourceKey(now);
    if (!sees.has(key)) {
      sees.set(
        key,
        db.ticket.findFirst({ where: { AND: [visibleTicketsWhere(now), { id: ticketId }] }, select: { id: true } }).then(Boolean),
      );
    }
    const visible = await sees.get(key)!;
    const staff = visible && isStaff(now);
    if (!visible && socket.rooms.has(ticketRoom(ticketId))) await leave(socket, ticketRoom(ticketId));
    if (!staff && socket.rooms.has(ticketStaffRoom(ticketId))) await leave(socket, ticketStaffRoom(ticketId));
    if (!visible) revoked.unseen.push(socket.id);
    else if (!staff && socket.rooms.has(ticketStaffRoom(ticketId))) revoked.notStaff.push(socket.id);
    remember(socket, now, staff ? [] : [ticketId]);
  }
  return revoked;
}

/** Brings every room of these sockets in line with what their person may see now. */
async function realign(db: Db, sockets: AnySocket[]): Promise<void> {
  const principal = principalCache(db);
  const wantedFor = new Map<string, Promise<Set<string>>>();
  for (const socket of sockets) {
    const was = userOf(socket);
    if (!was) continue;
    const now = await principal(was);
    if (!now) {
      socket.disconnect(true);
      continue;
    }
    const key = sourceKey(now);
    if (!wantedFor.has(key))
      wantedFor.set(
        key,
        roomsFor(db, now).then((rooms) => new Set(rooms)),
      );
    const wanted = await wantedFor.get(key)!;
    for (const room of socket.rooms) {
      if ((room.startsWith("org:") || room.startsWith("queue:")) && !wanted.has(room)) await leave(socket, room);
    }
    const missing = [...wanted].filter((room) => !socket.rooms.has(room));
    if (missing.length) await socket.join(missing);

    const followed = [...new Set([...socket.rooms].map(ticketOfRoom).filter((id): id is string => !!id))];
    const visible = new Set(
      followed.length
        ? (await db.ticket.findMany({ where: { AND: [visibleTicketsWhere(now), { id: { in: followed } }] }, select: { id: true } })).map(
            (r) => r.id,
          )
        : [],
    );
    const left: string[] = [];
    for (const id of followed) {
      const staff = visible.has(id) && isStaff(now);
      if (!visible.has(id) && socket.rooms.has(ticketRoom(id))) await leave(socket, ticketRoom(id));
      if (!staff && socket.rooms.has(ticketStaffRoom(id))) {
        await leave(socket, ticketStaffRoom(id));
        left.push(id);
      }
    }
    remember(socket, now, left);
  }
}

/** After a person's access changed (membership removed or its role changed, departments changed,
 * permissions changed): their live connections on every node follow at once. */
export async function refreshAccessOf(db: Db, userId: string): Promise<void> {
  const io = realtimeServer();
  if (!io) return;
  try {
    await realign(db, (await io.in(userRoom(userId)).fetchSockets()) as unknown as AnySocket[]);
  } catch (error) {
    // Never fails the change that caused it; the next announcement re-checks the ticket rooms.
    console.error(`[realtime] could not refresh the rooms of user ${userId}`, error);
  }
}

/** The same for everyone connected in a room, e.g. an organization's room before or after the
 * organization is removed or stops showing all its tickets to its members. */
export async function refreshAccessIn(db: Db, room: string): Promise<void> {
  const io = realtimeServer();
  if (!io) return;
  try {
    await realign(db, (await io.in(room).fetchSockets()) as unknown as AnySocket[]);
  } catch (error) {
    console.error(`[realtime] could not refresh the sockets of room ${room}`, error);
  }
}
