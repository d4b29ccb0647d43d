// Every event the server pushes to browsers, with its payload. Client and server share this type.
export interface ServerToClientEvents {
  "profile.updated": (profile: { name: string; locale: string; timeZone: string; phone: string | null }) => void;
}

export type ClientToServerEvents = Record<string, never>;

/** Rooms are per resource; a user's own room is `user:<id>`. */
export const userRoom = (userId: string) => `user:${userId}`;
