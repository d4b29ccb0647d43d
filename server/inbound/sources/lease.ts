// One fetcher per mailbox across every node: a node fetches a mailbox only while it holds its lease
// in the Mailbox row (leaseOwner, leaseUntil), taken when free or lapsed and renewed well before it
// lapses. A lease rather than an advisory lock because PGlite has a single connection (a session
// lock would be held by every caller at once) and a lease needs no connection kept open.
import type { Db } from "../../db";

/** Takes or renews the lease; false when another node holds it (or the mailbox is gone or disabled). */
export async function takeLease(db: Db, mailboxId: string, node: string, seconds: number): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE "Mailbox" SET "leaseOwner" = ${node}, "leaseUntil" = now() + (${seconds}::int * interval '1 second')
    WHERE "id" = ${mailboxId}::uuid AND "enabled"
      AND ("leaseOwner" IS NULL OR "leaseOwner" = ${node} OR "leaseUntil" < now())`;
  return count === 1;
}

export async function releaseLease(db: Db, mailboxId: string, node: string): Promise<void> {
  await db.$executeRaw`UPDATE "Mailbox" SET "leaseOwner" = NULL, "leaseUntil" = NULL WHERE "id" = ${mailboxId}::uuid AND "leaseOwner" = ${node}`;
}

export async function releaseAllLeases(db: Db, node: string): Promise<void> {
  await db.$executeRaw`UPDATE "Mailbox" SET "leaseOwner" = NULL, "leaseUntil" = NULL WHERE "leaseOwner" = ${node}`;
}
