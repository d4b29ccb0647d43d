// The mailbox fetchers of this node. Every few seconds (renewSeconds, 20 by default) it re-reads the
// enabled mailboxes, takes or renews the lease of each (lease.ts: one fetcher per mailbox across all
// nodes) and runs a worker for each mailbox it holds: an IMAP session in IDLE, reconnected when it
// ends, or a POP3 poll every pollSeconds. A mailbox whose settings changed gets a new worker; one
// disabled, deleted, or whose lease went to another node loses its worker. Failures are recorded on
// the mailbox and retried with a growing delay; an OAuth2 grant that is gone (revoked, expired) stops
// the worker until an admin reconnects the mailbox, which changes its settings and starts a new one.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "../../db";
import type { Mailbox } from "../../db/generated/client";
import { describeMailboxError } from "./describe-error";
import { watchImap } from "./imap";
import { releaseAllLeases, releaseLease, takeLease } from "./lease";
import { recordFetchError, recordFetchSuccess } from "./mailbox-status";
import { MailboxAuthProblem } from "./oauth2";
import { fetchPop3Once } from "./pop3";

export { fetchMailboxOnce } from "./fetch-once";

export interface FetcherOptions {
  /** This node's name in the leases; default hostname:pid:random. */
  nodeId?: string;
  /** Seconds between polls (POP3; IMAP besides IDLE); default 60. */
  pollSeconds?: number;
  /** How long a lease lasts, and how often it is renewed and the mailboxes re-read; default 60 and 20. */
  leaseSeconds?: number;
  renewSeconds?: number;
}

export interface MailboxFetchers {
  /** Ends every session, waits for the fetches in flight, releases the leases. */
  stop(): Promise<void>;
  /** The mailboxes this node is fetching right now. */
  running(): string[];
  /** Resolves once the first pass over the mailboxes is done (leases taken, workers started). */
  ready: Promise<void>;
}

/** What a worker depends on: a change of any of these starts a new one. */
const fingerprint = (m: Mailbox) =>
  JSON.stringify([
    m.protocol,
    m.host,
    m.port,
    m.tls,
    m.username,
    m.auth,
    m.passwordSealed,
    m.oauthProvider,
    m.oauthClientId,
    m.oauthClientSecretSealed,
    m.folder,
    m.processedFolder,
    m.authProblem,
  ]);

/** An OAuth2 mailbox never connected, or whose grant is gone, waits for an admin. */
const runnable = (m: Mailbox) =>
  m.auth !== "oauth2" || (!!m.refreshTokenSealed && m.authProblem !== "revoked" && m.authProblem !== "expired");

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}

class MailboxWorker {
  private readonly controller = new AbortController();
  readonly done: Promise<void>;
  finished = false;

  constructor(
    private readonly getDb: () => Db,
    private readonly mailboxId: string,
    private readonly pollSeconds: number,
  ) {
    this.done = this.run()
      .catch((error: unknown) => console.error(`[mailbox] worker for ${mailboxId} failed`, error))
      .finally(() => (this.finished = true));
  }

  private async run(): Promise<void> {
    const signal = this.controller.signal;
    let failures = 0;
    while (!signal.aborted) {
      const db = this.getDb();
      const mailbox = await db.mailbox.findUnique({ where: { id: this.mailboxId } });
      if (!mailbox) return;
      let delay: number;
      try {
        if (mailbox.protocol === "imap") {
          await watchImap(db, mailbox, {
            pollSeconds: this.pollSeconds,
            signal,
            onFetched: async (report) => {
              failures = 0;
              await recordFetchSuccess(db, mailbox.id, report.warning);
            },
          });
          // The session ended without an error (server timeout, access token due): a new one at once.
          delay = 1000;
        } else {
          const report = await fetchPop3Once(db, mailbox);
          failures = 0;
          await recordFetchSuccess(db, mailbox.id, report.warning);
          delay = this.pollSeconds * 1000;
        }
      } catch (error) {
        if (signal.aborted) return;
        await recordFetchError(db, mailbox.id, describeMailboxError(error, mailbox)).catch(() => {});
        // Retrying cannot help: only an admin reconnecting the mailbox can (a new worker then).
        if (error instanceof MailboxAuthProblem) return;
        failures++;
        // A refused password is not retried often (providers lock accounts that keep failing).
        const ceiling = (error as { authenticationFailed?: boolean }).authenticationFailed ? 30 * 60 : this.pollSeconds;
        delay = Math.min(1000 * 2 ** failures, ceiling * 1000);
      }
      await sleep(delay, signal);
    }
  }

  async stop(): Promise<void> {
    this.controller.abort();
    await this.done;
  }
}

export function startMailboxFetchers(getDb: () => Db, options: FetcherOptions = {}): MailboxFetchers {
  const node = options.nodeId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollSeconds = options.pollSeconds ?? 60;
  const leaseSeconds = options.leaseSeconds ?? 60;
  const renewSeconds = options.renewSeconds ?? 20;
  const workers = new Map<string, { worker: MailboxWorker; fingerprint: string }>();
  let stopping = false;
  let lastGoodTick = Date.now();

  const drop = async (db: Db, id: string) => {
    const entry = workers.get(id);
    workers.delete(id);
    await entry?.worker.stop();
    await releaseLease(db, id, node).catch(() => {});
  };

  const tick = async () => {
    if (stopping) return;
    const db = getDb();
    try {
      const held = new Set<string>();
      for (const mailbox of await db.mailbox.findMany({ where: { enabled: true }, orderBy: { createdAt: "asc" } })) {
        if (stopping) return;
        if (!runnable(mailbox) || !(await takeLease(db, mailbox.id, node, leaseSeconds))) continue;
        held.add(mailbox.id);
        const current = workers.get(mailbox.id);
        const print = fingerprint(mailbox);
        // A worker that ended (a failure it could not get past) is started again too, at this pace.
        if (current?.fingerprint === print && !current.worker.finished) continue;
        await current?.worker.stop();
        workers.set(mailbox.id, { worker: new MailboxWorker(getDb, mailbox.id, pollSeconds), fingerprint: print });
      }
      for (const id of [...workers.keys()]) if (!held.has(id)) await drop(db, id);
      lastGoodTick = Date.now();
    } catch (error) {
      console.error("[mailbox] could not renew the mailbox leases", error);
      // Unrenewed leases lapse: another node may take over, so this one must stop fetching.
      if (Date.now() - lastGoodTick > leaseSeconds * 1000) for (const id of [...workers.keys()]) await drop(db, id);
    }
  };

  let ticking = tick();
  const timer = setInterval(() => {
    ticking = ticking.then(tick);
  }, renewSeconds * 1000);
  timer.unref();

  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await ticking;
      await Promise.all([...workers.values()].map((w) => w.worker.stop()));
      workers.clear();
      await releaseAllLeases(getDb(), node).catch((error: unknown) => console.error("[mailbox] could not release the leases", error));
    },
    running: () => [...workers.entries()].filter(([, w]) => !w.worker.finished).map(([id]) => id),
    ready: ticking,
  };
}
