// Where attachment bytes live. Every implementation keeps files under keys Mesa makes (a space per
// organization, a random name): nothing a user types becomes part of a path. Reading a file is only
// ever done by the authorized download route; no implementation hands out public addresses.
import type { StorageKind } from "../../db/generated/enums";

export interface FileStorage {
  readonly kind: StorageKind;
  /** Keeps the file at `sourcePath` (a temporary file Mesa wrote; it is consumed) in `space` under a
   * new random key, and returns that key. */
  put(space: string, sourcePath: string, meta: { name: string; contentType: string }): Promise<string>;
  /** The bytes under `key`, or null when nothing is stored there. */
  read(key: string): Promise<ReadableStream<Uint8Array> | null>;
  /** Files it into another space (a ticket of another organization than the upload said); the new key. */
  move(key: string, space: string): Promise<string>;
  /** Removes the bytes; removing what is not there is no error. */
  remove(key: string): Promise<void>;
}

/** The space of an organization's files, or of one person's when the ticket has no organization. */
export function spaceFor(owner: { organizationId: string | null; uploaderId: string }): string {
  return owner.organizationId ? `org-${owner.organizationId}` : `user-${owner.uploaderId}`;
}

export const spacePattern = /^(org|user)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
