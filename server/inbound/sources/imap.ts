// Fetching one IMAP mailbox with imapflow. By UID: the mailbox remembers its folder's UIDVALIDITY
// and the highest UID stored under it; a new UIDVALIDITY (the server rebuilt the folder) starts over
// from UID 1, so nothing is skipped (a mail stored under the old numbering may come in again under a
// new key: the processor keeps one copy per Message-ID). Each mail is stored first, then moved to
// the processed folder (created when missing) or, without a processed folder or without MOVE,
// flagged \Seen; only then does lastUid advance. A crash in between fetches it again, and the store
// answers "already there". `watchImap` keeps the connection open in IDLE and fetches on new mail,
// with a poll every `pollSeconds` as well (servers without IDLE, missed notifications).
import { ImapFlow } from "imapflow";
import type { Db } from "../../db";
import type { Mailbox } from "../../db/generated/client";
import { storeInbound } from "../store";
import { mailboxLogin } from "./credentials";
import { fetchCapBytes, megabytes } from "./limits";

export type ImapMailbox = Pick<
  Mailbox,
  "id" | "host" | "port" | "tls" | "username" | "auth" | "passwordSealed" | "folder" | "processedFolder"
>;

export interface FetchReport {
  /** Mails newly stored. */
  stored: number;
  /** Mails handled (stored now or before, then moved / flagged / deleted). */
  handled: number;
  /** Something an admin should know although the fetch worked (a mail too big to fetch). */
  warning: string | null;
}

/** A signed-in connection; `usableUntil` (OAuth2) is when its access token stops being used. */
export async function connectImap(
  db: Db,
  mailbox: ImapMailbox,
  options: { idle?: boolean } = {},
): Promise<{ client: ImapFlow; usableUntil: number | null }> {
  const login = await mailboxLogin(db, mailbox);
  const cap = fetchCapBytes();
  const client = new ImapFlow({
    host: mailbox.host,
    port: mailbox.port,
    secure: mailbox.tls,
    auth: login.accessToken ? { user: login.user, accessToken: login.accessToken } : { user: login.user, pass: login.pass! },
    logger: false,
    clientInfo: { name: "Mesa" },
    disableAutoIdle: !options.idle,
    // IDLE soon after each fetch, so a new mail is announced within a second or so.
    autoIdleDelay: 1000,
    // Re-issue IDLE now and then: some servers and NATs drop a connection silent for long.
    maxIdleTime: 5 * 60_000,
    // Never hold more than the fetch cap of one mail (sizes are checked first; this stops a server that lies).
    maxLiteralSize: cap,
    maxResponseSize: cap + 1024 * 1024,
    connectionTimeout: 30_000,
  });
  // Errors also reject the command in flight or end the session ('close'); without a listener an
  // 'error' event would crash the process.
  client.on("error", () => {});
  await client.connect();
  return { client, usableUntil: login.usableUntil ?? null };
}

export async function closeImap(client: ImapFlow): Promise<void> {
  if (client.isClosed) return;
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
  await Promise.race([client.logout().catch(() => {}), timeout]);
  client.close();
}

// Connections on which the processed folder is known to exist.
const folderChecked = new WeakSet<ImapFlow>();

async function disposal(client: ImapFlow, mailbox: ImapMailbox): Promise<{ moveTo: string | null }> {
  const target = mailbox.processedFolder?.trim();
  if (!target || target === mailbox.folder || !client.capabilities.has("MOVE")) return { moveTo: null };
  if (!folderChecked.has(client)) {
    const folders = await client.list();
    if (!folders.some((f) => f.path === target)) await client.mailboxCreate(target);
    folderChecked.add(client);
  }
  return { moveTo: target };
}

/** One pass over the folder on an open connection: every mail above lastUid is stored, then moved or flagged. */
export async function fetchImap(db: Db, mailbox: ImapMailbox, client: ImapFlow): Promise<FetchReport> {
  const lock = await client.getMailboxLock(mailbox.folder);
  try {
    const box = client.mailbox;
    if (!box) throw new Error(`The folder "${mailbox.folder}" could not be opened.`);
    const uidValidity = box.uidValidity;
    const state = await db.mailbox.findUniqueOrThrow({ where: { id: mailbox.id }, select: { uidValidity: true, lastUid: true } });
    let lastUid = 0;
    if (state.uidValidity === uidValidity) lastUid = Number(state.lastUid ?? 0);
    else await db.mailbox.update({ where: { id: mailbox.id }, data: { uidValidity, lastUid: null } });

    const cap = fetchCapBytes();
    const { moveTo } = await disposal(client, mailbox);
    let stored = 0;
    let handled = 0;
    if (box.exists > 0) {
      // "n:*" always includes the highest UID, even below n: keep only the new ones.
      const listed = (await client.fetchAll(`${lastUid + 1}:*`, { uid: true, size: true }, { uid: true }))
        .filter((m) => m.uid > lastUid)
        .sort((a, b) => a.uid - b.uid);
      for (const { uid, size } of listed) {
        // Too big: left where it is, untouched (reported below while it stays unread there).
        if ((size ?? 0) <= cap) {
          const message = await client.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
          // Gone meanwhile (another client moved it): nothing to store.
          if (message && message.source) {
            const result = await storeInbound(db, {
              source: "imap",
              sourceKey: `imap:${mailbox.id}:${uidValidity}:${uid}`,
              mailboxId: mailbox.id,
              raw: message.source,
            });
            if (result.stored) stored++;
            handled++;
            if (moveTo) await client.messageMove(String(uid), moveTo, { uid: true });
            else await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
          }
        }
        lastUid = uid;
        await db.mailbox.updateMany({ where: { id: mailbox.id, uidValidity }, data: { lastUid: BigInt(uid) } });
      }
    }
    return { stored, handled, warning: await oversizeWarning(client, cap) };
  } finally {
    lock.release();
  }
}

/** The unread mails of the folder too big to fetch, named by UID. */
async function oversizeWarning(client: ImapFlow, cap: number): Promise<string | null> {
  const uids = await client.search({ larger: cap, seen: false }, { uid: true });
  if (!uids || uids.length === 0) return null;
  const sizes = await client.fetchAll(uids.slice(0, 10).join(","), { uid: true, size: true }, { uid: true });
  const named = sizes.map((m) => `UID ${m.uid} (${megabytes(m.size ?? 0)})`).join(", ");
  return `Not fetched, over the limit of ${megabytes(cap)}: ${named}${uids.length > 10 ? ` and ${uids.length - 10} more` : ""}. They stay in the mailbox.`;
}

/** Connect, fetch what is new, disconnect ("fetch now", tests). */
export async function fetchImapOnce(db: Db, mailbox: ImapMailbox): Promise<FetchReport> {
  const { client } = await connectImap(db, mailbox);
  try {
    return await fetchImap(db, mailbox, client);
  } finally {
    await closeImap(client);
  }
}

/** "Probar conexión": sign in and open the folder read-only. */
export async function probeImap(db: Db, mailbox: ImapMailbox): Promise<string> {
  const { client } = await connectImap(db, mailbox);
  try {
    const box = await client.mailboxOpen(mailbox.folder, { readOnly: true });
    return `${box.path}: ${box.exists} ${box.exists === 1 ? "message" : "messages"}`;
  } finally {
    await closeImap(client);
  }
}

export interface WatchOptions {
  pollSeconds: number;
  signal: AbortSignal;
  /** After each successful pass. */
  onFetched(report: FetchReport): Promise<void> | void;
}

/**
 * One IMAP session: fetch, then IDLE and fetch again on each new mail (and every pollSeconds).
 * Resolves when the session ends without an error — the server closed it, the OAuth2 access token
 * it signed in with is due, or `signal` aborted — so the caller reconnects; rejects on a failure.
 */
export async function watchImap(db: Db, mailbox: ImapMailbox, options: WatchOptions): Promise<void> {
  const { client, usableUntil } = await connectImap(db, mailbox, { idle: true });
  let dirty = true;
  let ended = false;
  let wake: (() => void) | undefined;
  const poke = () => {
    dirty = true;
    wake?.();
  };
  const end = () => {
    ended = true;
    wake?.();
  };
  const onExists = (data: { count: number; prevCount: number }) => {
    if (data.count > data.prevCount) poke();
  };
  client.on("exists", onExists);
  client.once("close", end);
  options.signal.addEventListener("abort", end);
  const poll = setInterval(poke, options.pollSeconds * 1000);
  // Signed in with an access token: end the session when it is due, so the next one refreshes it
  // (and a revoked grant shows) instead of running until the provider cuts the connection.
  const due = usableUntil ? setTimeout(end, Math.max(0, usableUntil - Date.now())) : undefined;
  try {
    while (!ended && !options.signal.aborted) {
      if (dirty) {
        dirty = false;
        await options.onFetched(await fetchImap(db, mailbox, client));
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
  } finally {
    clearInterval(poll);
    clearTimeout(due);
    options.signal.removeEventListener("abort", end);
    client.off("exists", onExists);
    client.off("close", end);
    await closeImap(client);
  }
}
