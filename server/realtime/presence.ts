// Who from support is on a ticket right now, and who is typing a reply: kept per process in memory
// (presence is ephemeral; a restart forgets it and clients announce themselves again on reconnect).
// Shared with staff only, in the ticket's staff room.

export interface Presence {
  userId: string;
  name: string;
  typing: boolean;
}

const byTicket = new Map<string, Map<string, Presence>>(); // ticketId → socketId → presence

export function setPresence(ticketId: string, socketId: string, presence: Presence | null): Presence[] {
  const sockets = byTicket.get(ticketId) ?? new Map<string, Presence>();
  if (presence) sockets.set(socketId, presence);
  else sockets.delete(socketId);
  if (sockets.size) byTicket.set(ticketId, sockets);
  else byTicket.delete(ticketId);
  return peopleOn(ticketId);
}

/** One entry per person (several tabs count once; typing in any tab counts). */
export function peopleOn(ticketId: string): Presence[] {
  const people = new Map<string, Presence>();
  for (const p of byTicket.get(ticketId)?.values() ?? []) {
    const seen = people.get(p.userId);
    people.set(p.userId, { ...p, typing: p.typing || !!seen?.typing });
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** Forgets a socket everywhere; returns the tickets whose presence changed. */
export function dropSocket(socketId: string): string[] {
  const changed: string[] = [];
  for (const [ticketId, sockets] of byTicket) {
    if (sockets.delete(socketId)) changed.push(ticketId);
    if (!sockets.size) byTicket.delete(ticketId);
  }
  return changed;
}
