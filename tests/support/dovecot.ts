// A throwaway Dovecot (Debian's dovecot-imapd, -pop3d, -lmtpd) for the mailbox tests: the real IMAP
// and POP3 servers Mesa fetches from, in a temporary directory on free loopback ports. Dovecot
// refuses mail access to uids below first_valid_uid, so it runs as an ordinary user: the one running
// the tests, or — under root, as in CI — the user `mesa-dovecot` (created here when missing, entered
// with setpriv).
// Mail goes in over LMTP, as a mail server hands it over. Users log in with PLAIN passwords from a
// passwd-file per user, or with OAuth2 tokens checked by the introspection endpoint given in `introspectionUrl`.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const TEMPLATES = path.join(import.meta.dirname, "dovecot");
const SERVICE_USER = "mesa-dovecot";

export interface Dovecot {
  host: string;
  imapPort: number;
  pop3Port: number;
  lmtpPort: number;
  /** Adds a mailbox user with a PLAIN password (user names: letters, digits and . _ @ + -). */
  addUser(name: string, password: string): Promise<void>;
  /** Hands a message to Dovecot over LMTP, as a mail server would; resolves once it is in the mailbox. */
  deliver(to: string, raw: Buffer | string): Promise<void>;
  /** Runs `doveadm <args>` against this instance (e.g. to change a folder's UIDVALIDITY). */
  doveadm(...args: string[]): Promise<string>;
  /** The directory holding everything (mail under mail/<user>). */
  dir: string;
  stop(): Promise<void>;
}

export interface DovecotOptions {
  /** Where Dovecot's oauth2 passdb POSTs `token=…` (tests/support/oauth-provider.ts); none: OAuth2 logins fail. */
  introspectionUrl?: string;
  /** The SASL mechanisms offered, e.g. "plain login xoauth2" as Microsoft 365 (which has no OAUTHBEARER). */
  authMechanisms?: string;
}

/** A port nobody listens on right now (the kernel's pick, released for Dovecot to bind). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Who Dovecot runs as, and how to run a command as them. */
async function serviceAccount(): Promise<{ user: string; uid: number; gid: number; asUser: (cmd: string[]) => string[] }> {
  const me = userInfo();
  if (me.uid !== 0) return { user: me.username, uid: me.uid, gid: me.gid, asUser: (cmd) => cmd };
  const lookup = async () => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run("id", ["-u", SERVICE_USER]), run("id", ["-g", SERVICE_USER])]);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  };
  let ids = await lookup().catch(() => null);
  if (!ids) {
    // Two test files may race to create it: "already exists" (exit 9) is fine.
    await run("useradd", ["-m", "-s", "/usr/sbin/nologin", SERVICE_USER]).catch((error: { code?: number }) => {
      if (error.code !== 9) throw error;
    });
    ids = await lookup();
  }
  if (ids.uid < 1000) throw new Error(`${SERVICE_USER} has uid ${ids.uid}: Dovecot needs an ordinary user (uid >= 1000)`);
  // setpriv execs the command itself (runuser would stay in between as its parent), so the process
  // the tests hold is Dovecot's master: a signal to it reaches Dovecot.
  return {
    user: SERVICE_USER,
    ...ids,
    asUser: (cmd) => ["setpriv", `--reuid=${ids.uid}`, `--regid=${ids.gid}`, "--init-groups", ...cmd],
  };
}

/** Resolves once the port answers with a greeting line starting with `+OK` / `* OK` / `220`. */
async function waitForGreeting(port: number, child: ChildProcess, log: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`dovecot exited with ${child.exitCode}:\n${await log()}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.setTimeout(1000, () => socket.destroy());
      socket.once("data", (data) => {
        socket.destroy();
        resolve(/^(\* OK|\+OK|220)/.test(data.toString()));
      });
      socket.once("error", () => resolve(false));
      socket.once("close", () => resolve(false));
    });
    if (greeted) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`dovecot did not answer on port ${port}:\n${await log()}`);
}

/** One LMTP transaction: LHLO, MAIL, RCPT, DATA (dot-stuffed), QUIT. */
async function lmtpDeliver(port: number, to: string, raw: Buffer | string): Promise<void> {
  const body = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
  const stuffed = Buffer.from(body.toString("latin1").replace(/\r?\n/g, "\r\n").replace(/^\./gm, ".."), "latin1");
  const ending = stuffed.subarray(-2).toString() === "\r\n" ? ".\r\n" : "\r\n.\r\n";
  const steps: { send: Buffer | string; expect: RegExp }[] = [
    { send: "", expect: /^220 / },
    { send: "LHLO mesa.test\r\n", expect: /^250 / },
    { send: "MAIL FROM:<sender@example.test>\r\n", expect: /^250 / },
    { send: `RCPT TO:<${to}>\r\n`, expect: /^250 / },
    { send: "DATA\r\n", expect: /^354 / },
    { send: Buffer.concat([stuffed, Buffer.from(ending)]), expect: /^250 / },
    { send: "QUIT\r\n", expect: /^221 / },
  ];
  const socket = connect(port, "127.0.0.1");
  let buffered = "";
  const lines: string[] = [];
  const waiters: (() => void)[] = [];
  socket.on("data", (chunk) => {
    buffered += chunk.toString("latin1");
    let end;
    while ((end = buffered.indexOf("\r\n")) >= 0) {
      lines.push(buffered.slice(0, end));
      buffered = buffered.slice(end + 2);
    }
    waiters.splice(0).forEach((wake) => wake());
  });
  const closed = new Promise<never>((_, reject) => {
    socket.once("error", reject);
    socket.once("close", () => reject(new Error("LMTP connection closed")));
  });
  closed.catch(() => {});
  /** The final line of the next reply (multi-line replies have "250-" continuation lines). */
  const reply = async (): Promise<string> => {
    for (;;) {
      const index = lines.findIndex((l) => /^\d{3} /.test(l));
      if (index >= 0) return lines.splice(0, index + 1).at(-1)!;
      await Promise.race([new Promise<void>((wake) => waiters.push(wake)), closed]);
    }
  };
  try {
    for (const step of steps) {
      if (step.send.length) socket.write(step.send);
      const line = await reply();
      if (!step.expect.test(line)) throw new Error(`LMTP: expected ${step.expect} after ${String(step.send).slice(0, 40)}, got "${line}"`);
    }
  } finally {
    socket.destroy();
  }
}

export async function startDovecot(options: DovecotOptions = {}): Promise<Dovecot> {
  const account = await serviceAccount();
  const dir = await mkdtemp(path.join(tmpdir(), "mesa-dovecot-"));
  const [imapPort, pop3Port, lmtpPort] = [await freePort(), await freePort(), await freePort()];
  const values: Record<string, string> = {
    DIR: dir,
    USER: account.user,
    IMAP_PORT: String(imapPort),
    POP3_PORT: String(pop3Port),
    LMTP_PORT: String(lmtpPort),
    // Port 9 (discard) on loopback: nothing listens, so OAuth2 logins fail unless a provider is given.
    INTROSPECT_URL: options.introspectionUrl ?? "http://127.0.0.1:9/introspect",
    AUTH_MECHANISMS: options.authMechanisms ?? "plain login xoauth2 oauthbearer",
  };
  const fill = (text: string) => text.replace(/@([A-Z0-9_]+)@/g, (_, name: string) => values[name] ?? `@${name}@`);
  for (const sub of ["run", "state", "mail", "users"]) await mkdir(path.join(dir, sub));
  await writeFile(path.join(dir, "dovecot.conf"), fill(await readFile(path.join(TEMPLATES, "dovecot.conf"), "utf8")));
  await writeFile(path.join(dir, "oauth2.conf.ext"), fill(await readFile(path.join(TEMPLATES, "oauth2.conf.ext"), "utf8")));
  // One passwd-file per user (see the config: Dovecot re-reads a file at most once a second).
  const usersDir = path.join(dir, "users");
  const own = async (file: string) => chown(file, account.uid, account.gid);
  for (const name of ["", "run", "state", "mail", "dovecot.conf", "oauth2.conf.ext", "users"]) await own(path.join(dir, name));

  const config = path.join(dir, "dovecot.conf");
  const [command, ...args] = account.asUser(["dovecot", "-F", "-c", config]);
  const child = spawn(command!, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const log = async () => `${stderr}${await readFile(path.join(dir, "dovecot.log"), "utf8").catch(() => "")}`;
  // Should the test process end without stop() (a crash), do not leave a Dovecot behind: on SIGTERM
  // the master stops its services too.
  const killOnExit = () => {
    child.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", killOnExit);

  const doveadm = async (...rest: string[]) => {
    const [cmd, ...cmdArgs] = account.asUser(["doveadm", "-c", config, ...rest]);
    return (await run(cmd!, cmdArgs)).stdout;
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.removeListener("exit", killOnExit);
    if (child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      await doveadm("stop").catch(() => child.kill("SIGTERM"));
      // Still there after 5 s: no more asking.
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await Promise.all([imapPort, pop3Port].map((port) => waitForGreeting(port, child, log)));
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    host: "127.0.0.1",
    imapPort,
    pop3Port,
    lmtpPort,
    dir,
    async addUser(name, password) {
      if (!/^[\w.@+-]+$/.test(name) || /[:\n]/.test(password)) throw new Error(`not a usable test user: ${name}`);
      const file = path.join(usersDir, name);
      await writeFile(file, `${name}:{PLAIN}${password}\n`);
      await own(file);
    },
    deliver: (to, raw) => lmtpDeliver(lmtpPort, to, raw),
    doveadm,
    stop,
  };
}
