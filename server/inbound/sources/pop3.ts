// Fetching one POP3 mailbox with node-pop3. POP3 has no folders or flags, only UIDLs: a mail is
// stored under pop3:<mailbox>:<UIDL>, then deleted on the server (DELE, applied at QUIT) so the
// mailbox does not grow. Mails whose UIDL is already stored are only deleted: a session that died
// after storing but before QUIT leaves them on the server, and the next fetch does not double them.
// node-pop3 is thin, so this file adds what it lacks: raw bytes (its RETR decodes to a string),
// dot-unstuffing, a timeout on every command (it waits forever on a dead socket) and AUTH XOAUTH2.
import Pop3Command from "node-pop3";
import type { Readable } from "node:stream";
import type { Db } from "../../db";
import type { Mailbox } from "../../db/generated/client";
import { storeInbound } from "../store";
import { mailboxLogin } from "./credentials";
import type { FetchReport } from "./imap";
import { fetchCapBytes, megabytes } from "./limits";

export type Pop3Mailbox = Pick<Mailbox, "id" | "host" | "port" | "tls" | "username" | "auth" | "passwordSealed">;

const COMMAND_TIMEOUT_MS = 60_000;

/** An authenticated POP3 session whose commands fail (instead of hanging) when the server goes away. */
export class Pop3Session {
  private readonly gone: Promise<never>;
  private failure: Error | null = null;

  private constructor(private readonly pop3: Pop3Command) {
    this.gone = new Promise<never>((_, reject) => {
      const fail = (error: Error) => {
        this.failure ??= error;
        reject(this.failure);
      };
      pop3._socket?.once("close", () => fail(Object.assign(new Error("The POP3 server closed the connection."), { code: "ECONNRESET" })));
      pop3._socket?.once("error", (error: Error) => fail(error));
    });
    this.gone.catch(() => {});
  }

  static async open(db: Db, mailbox: Pop3Mailbox): Promise<Pop3Session> {
    const login = await mailboxLogin(db, mailbox);
    const pop3 = new Pop3Command({
      host: mailbox.host,
      port: mailbox.port,
      tls: mailbox.tls,
      user: login.user,
      password: login.pass ?? "",
      timeout: COMMAND_TIMEOUT_MS,
    });
    // "-ERR" lines are emitted as 'error' events, also outside a command: without a listener they would
    // crash the process. Commands still see them through their own listener.
    pop3.on("error", () => {});
    await withTimeout(pop3.connect(), COMMAND_TIMEOUT_MS, () => pop3._socket?.destroy());
    const session = new Pop3Session(pop3);
    try {
      if (login.pass === undefined) {
        const payload = Buffer.from(`user=${login.user}\x01auth=Bearer ${login.accessToken}\x01\x01`).toString("base64");
        await session.command("AUTH", "XOAUTH2", payload);
        // A refused token comes back as a "+ <details>" challenge, which node-pop3 takes for +OK: the
        // next command then answers for the login (the server takes it as the end of the exchange).
        await session.command("NOOP").catch((error: Error) => {
          throw Object.assign(new Error(`Authentication failed: ${error.message}`), { authenticationFailed: true });
        });
      } else {
        await session.command("USER", login.user);
        await session.command("PASS", login.pass).catch((error: Error) => {
          throw Object.assign(new Error(`Authentication failed: ${error.message}`), { authenticationFailed: true });
        });
      }
    } catch (error) {
      session.close();
      throw error;
    }
    return session;
  }

  /** Sends one command; resolves with the status line (after "+OK ") and, for multi-line answers, the body stream. */
  async command(...args: (string | number)[]): Promise<[string, Readable | null]> {
    if (this.failure) throw this.failure;
    const [info, stream] = await Promise.race([
      withTimeout(this.pop3.command(...args), COMMAND_TIMEOUT_MS, () => this.pop3._socket?.destroy()),
      this.gone,
    ]);
    return [info, stream ?? null];
  }

  /** A multi-line answer's body as bytes, at most `limit` of them (the rest is read and dropped). */
  async body(stream: Readable | null, limit = Infinity): Promise<{ bytes: Buffer; truncated: boolean }> {
    if (!stream) return { bytes: Buffer.alloc(0), truncated: false };
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    const done = new Promise<void>((resolve, reject) => {
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) truncated = true;
        else chunks.push(chunk);
      });
      stream.once("end", resolve);
      stream.once("error", reject);
    });
    await Promise.race([withTimeout(done, COMMAND_TIMEOUT_MS, () => this.pop3._socket?.destroy()), this.gone]);
    return { bytes: Buffer.concat(chunks), truncated };
  }

  async lines(...args: (string | number)[]): Promise<string[][]> {
    const [, stream] = await this.command(...args);
    const { bytes } = await this.body(stream);
    return bytes
      .toString("latin1")
      .split("\r\n")
      .filter(Boolean)
      .map((line) => line.split(" "));
  }

  /** QUIT: the server applies the DELEs now. */
  async quit(): Promise<void> {
    try {
      await this.command("QUIT");
    } finally {
      this.close();
    }
  }

  close(): void {
    this.pop3._socket?.destroy();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(Object.assign(new Error("The POP3 server did not answer in time."), { code: "ETIMEDOUT" }));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The message as the server holds it. RETR's body is dot-stuffed (a line starting with "." got a
 * second one); node-pop3 strips the final ".", sometimes with the CRLF before it, so the mail is
 * given back its final line break.
 */
export function unstuff(body: Buffer): Buffer {
  let text = body.toString("latin1").replace(/(^|\r\n)\.\./g, "$1.");
  if (!text.endsWith("\r\n")) text += "\r\n";
  return Buffer.from(text, "latin1");
}

export async function fetchPop3Once(db: Db, mailbox: Pop3Mailbox): Promise<FetchReport> {
  const session = await Pop3Session.open(db, mailbox);
  let quit = false;
  try {
    const uidls = (await session.lines("UIDL")).filter((l) => l.length >= 2).map(([n, uidl]) => ({ n: Number(n), uidl: uidl! }));
    const sizes = new Map((await session.lines("LIST")).map(([n, size]) => [Number(n), Number(size)]));
    const key = (uidl: string) => `pop3:${mailbox.id}:${uidl}`;
    const known = new Set<string>();
    for (let i = 0; i < uidls.length; i += 500) {
      const keys = uidls.slice(i, i + 500).map((u) => key(u.uidl));
      for (const row of await db.inboundMail.findMany({ where: { sourceKey: { in: keys } }, select: { sourceKey: true } }))
        known.add(row.sourceKey);
    }
    const cap = fetchCapBytes();
    const tooBig: string[] = [];
    let stored = 0;
    let handled = 0;
    for (const { n, uidl } of uidls) {
      if (!known.has(key(uidl))) {
        const size = sizes.get(n) ?? 0;
        if (size > cap) {
          tooBig.push(`message ${n} (${megabytes(size)})`);
          continue;
        }
        const [, stream] = await session.command("RETR", n);
        const { bytes, truncated } = await session.body(stream, cap);
        if (truncated) {
          tooBig.push(`message ${n} (over ${megabytes(cap)})`);
          continue;
        }
        if ((await storeInbound(db, { source: "pop3", sourceKey: key(uidl), mailboxId: mailbox.id, raw: unstuff(bytes) })).stored) stored++;
      }
      handled++;
      await session.command("DELE", n);
    }
    quit = true;
    await session.quit();
    const warning = tooBig.length
      ? `Not fetched, over the limit of ${megabytes(cap)}: ${tooBig.slice(0, 10).join(", ")}${tooBig.length > 10 ? ` and ${tooBig.length - 10} more` : ""}. They stay in the mailbox.`
      : null;
    return { stored, handled, warning };
  } finally {
    // Without QUIT the server forgets the DELEs: the mails stay, and are only deleted next time.
    if (!quit) session.close();
  }
}

/** "Probar conexión": sign in and STAT. */
export async function probePop3(db: Db, mailbox: Pop3Mailbox): Promise<string> {
  const session = await Pop3Session.open(db, mailbox);
  try {
    const [info] = await session.command("STAT");
    const count = Number(info.split(" ")[0] ?? 0);
    return `${count} ${count === 1 ? "message" : "messages"}`;
  } finally {
    await session.quit().catch(() => session.close());
  }
}
