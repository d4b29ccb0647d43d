// Who from support is on a ticket right now, and who is typing a reply. Presence is ephemeral and
// lives on the sockets (socket.data.viewing), so reading it through fetchSockets() sees every node
// when a cross-process adapter is installed; a restart forgets it and clients announce themselves
// again when they reconnect.
import type { RealtimeServer } from "./emit";
import { ticketStaffRoom, type PresencePerson } from "./events";

interface PresenceData {
  user?: { id: string; name: string };
  viewing?: Record<string, boolean>;
}

/** One entry per person per ticket (several tabs count once; typing in any tab counts). */
function collect(sockets: { data: unknown }[], only?: string): Record<string, PresencePerson[]> {
  const byTicket = new Map<string, Map<string, PresencePerson>>();
  for (const s of sockets) {
    const { user, viewing } = s.data as PresenceData;
    if (!user || !viewing) continue;
    for (const [ticketId, typing] of Object.entries(viewing)) {
      if (only && ticketId !== only) continue;
      const people = byTicket.get(ticketId) ?? new Map<string, PresencePerson>();
      const seen = people.get(user.id);
      people.set(user.id, { userId: user.id, name: user.name, typing: typing || !!seen?.typing });
      byTicket.set(ticketId, people);
    }
  }
  return Object.fromEntries([...byTicket].map(([id, people]) => [id, [...people.values()].sort((a, b) => a.name.localeCompare(b.name))]));
}

export async function peopleOn(io: RealtimeServer, ticketId: string): Promise<PresencePerson[]> {
  return collect(await io.in(ticketStaffRoom(ticketId)).fetchSockets(), ticketId)[ticketId] ?? [];
}

/** Presence on every ticket viewed by the staff sockets of these rooms (the caller's queues). */
export async function presenceIn(io: RealtimeServer, rooms: string[]): Promise<Record<string, PresencePerson[]>> {
  return collect(await io.in(rooms).fetchSockets());
}
