// Administración › Buzones through the procedures, as an admin's browser calls them: only admins
// see or change mailboxes; a password or a client secret goes in sealed with the application key
// (the stored text is not the plaintext, it opens only under its own mailbox's context) and never
// comes back out in any answer; an edit that leaves it empty keeps the old one. Bad fields are
// refused under the field, in the admin's language. "Probar conexión" reports a server that does
// not answer, and records it on the mailbox.
import { createServer, type AddressInfo } from "node:net";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { openSecret } from "../../server/sensitive/secret-box";
import { formatError } from "../../server/trpc/error-format";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, type SignedIn } from "../support/factories";
import { message } from "../support/messages";
import { startOAuthProvider } from "../support/oauth-provider";

let world: DemoWorld;
let db: Db;
let admin: SignedIn;
let agent: SignedIn;
let partner: SignedIn;

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  admin = await world.login("admin@demo.test");
  agent = await world.login("agent@demo.test");
  partner = await world.login("partner@demo.test");
});
afterAll(() => world?.close());

const api = (locale: "es" | "en" | "pt" | "fr" = "en") => callerFor(db, admin, locale).admin.mailboxes;

let seq = 0;
/** A password mailbox's fields, named uniquely. */
const imapFields = (overrides: Record<string, unknown> = {}) => ({
  name: `Soporte ${++seq}`,
  protocol: "imap" as const,
  host: "IMAP.Example.test",
  port: 993,
  tls: true,
  username: "soporte@example.test",
  auth: "password" as const,
  password: "Clave del buzón 1",
  oauthProvider: null,
  oauthClientId: null,
  folder: "INBOX",
  processedFolder: "Procesados",
  enabled: true,
  ...overrides,
});

const stored = (id: string) => db.mailbox.findUniqueOrThrow({ where: { id } });

/** The field errors of a refusal, as the form shows them. */
async function fieldErrors(promise: Promise<unknown>, locale: "es" | "en" | "pt" | "fr" = "en") {
  const error = (await failure(promise)) as TRPCError;
  expect(error.code).toBe("BAD_REQUEST");
  return formatError(error, locale).fieldErrors;
}

describe("mailboxes", () => {
  it.each([
    ["an agent", () => agent],
    ["a partner", () => partner],
  ] as const)("%s may neither list nor change them", async (_label, who) => {
    const theirs = callerFor(db, who(), "es").admin.mailboxes;
    const mine = await api().create(imapFields());
    const before = await stored(mine.id);
    for (const call of [
      theirs.list(),
      theirs.create(imapFields()),
      theirs.update({ id: mine.id, ...imapFields({ password: "otra" }) }),
      theirs.remove({ id: mine.id }),
      theirs.testConnection({ id: mine.id }),
      theirs.connect({ id: mine.id }),
    ]) {
      expect(((await failure(call)) as TRPCError).code).toBe("FORBIDDEN");
    }
    expect(await stored(mine.id)).toEqual(before);
  });

  it("keeps the password sealed: not in any answer, not stored as typed, opening only under its mailbox's context", async () => {
    const plaintext = "Remolacha-Buzón-4417";
    const created = await api().create(imapFields({ password: plaintext }));
    expect(created).toMatchObject({ host: "imap.example.test", port: 993, hasPassword: true, hasClientSecret: false, connected: false });
    expect(Object.keys(created)).not.toContain("password");
    expect(Object.keys(created)).not.toContain("passwordSealed");

    const row = await stored(created.id);
    expect(row.passwordSealed).not.toBeNull();
    expect(row.passwordSealed).not.toContain(plaintext);
    expect(openSecret(row.passwordSealed!, `mailbox:${created.id}:password`)).toBe(plaintext);
    // Copied to another mailbox (or another field), it does not open.
    expect(() => openSecret(row.passwordSealed!, `mailbox:${created.id}:client-secret`)).toThrow();

    const listed = await api().list();
    const answers = JSON.stringify([created, listed]);
    expect(answers).not.toContain(plaintext);
    expect(answers).not.toContain(row.passwordSealed!);
    expect(listed.mailboxes.find((m) => m.id === created.id)).toMatchObject({ name: created.name, hasPassword: true });
    expect(listed.redirectUri).toBe("http://mesa.test/api/mailboxes/oauth/callback");
  });

  it("an edit with the password left empty keeps the old one; a new one replaces it", async () => {
    const created = await api().create(imapFields({ password: "primera clave" }));
    const first = (await stored(created.id)).passwordSealed!;

    const edited = await api().update({ id: created.id, ...imapFields({ name: created.name, password: "", port: "143", tls: false }) });
    expect(edited).toMatchObject({ port: 143, tls: false, hasPassword: true });
    expect((await stored(created.id)).passwordSealed).toBe(first);

    await api().update({ id: created.id, ...imapFields({ name: created.name, password: undefined }) });
    expect(openSecret((await stored(created.id)).passwordSealed!, `mailbox:${created.id}:password`)).toBe("primera clave");

    await api().update({ id: created.id, ...imapFields({ name: created.name, password: "segunda clave" }) });
    const replaced = await stored(created.id);
    expect(openSecret(replaced.passwordSealed!, `mailbox:${created.id}:password`)).toBe("segunda clave");
  });

  it("seals an OAuth2 client secret the same way, keeps it on an empty edit, and a new client drops the old grant", async () => {
    const created = await api().create(
      imapFields({
        auth: "oauth2",
        password: null,
        oauthProvider: "microsoft",
        oauthClientId: "client-1",
        oauthClientSecret: "secreto-del-cliente",
      }),
    );
    expect(created).toMatchObject({
      auth: "oauth2",
      oauthProvider: "microsoft",
      hasPassword: false,
      hasClientSecret: true,
      connected: false,
    });
    expect(JSON.stringify(created)).not.toContain("secreto-del-cliente");
    const row = await stored(created.id);
    expect(row.passwordSealed).toBeNull();
    expect(row.oauthClientSecretSealed).not.toContain("secreto-del-cliente");
    expect(openSecret(row.oauthClientSecretSealed!, `mailbox:${created.id}:client-secret`)).toBe("secreto-del-cliente");

    // Connected (as the OAuth2 callback leaves it), then an unrelated edit keeps the grant…
    await db.mailbox.update({ where: { id: created.id }, data: { refreshTokenSealed: "sealed-refresh-token", authProblem: "expired" } });
    const oauth = {
      name: created.name,
      auth: "oauth2",
      password: null,
      oauthProvider: "microsoft",
      oauthClientId: "client-1",
      oauthClientSecret: "",
    };
    expect(await api().update({ id: created.id, ...imapFields({ ...oauth, enabled: false }) })).toMatchObject({
      enabled: false,
      connected: true,
      hasClientSecret: true,
    });
    expect((await stored(created.id)).oauthClientSecretSealed).toBe(row.oauthClientSecretSealed);
    // …and another client id drops it: the mailbox must be connected again.
    const moved = await api().update({ id: created.id, ...imapFields({ ...oauth, oauthClientId: "client-2" }) });
    expect(moved).toMatchObject({ connected: false, authProblem: null, oauthClientId: "client-2" });
    expect((await stored(created.id)).refreshTokenSealed).toBeNull();
  });

  it("an issuer URL is a provider too; anything else is refused under its field, in the admin's language", async () => {
    const issuer = await api().create(
      imapFields({ auth: "oauth2", password: null, oauthProvider: "http://127.0.0.1:8080/", oauthClientId: "mesa" }),
    );
    expect(issuer.oauthProvider).toBe("http://127.0.0.1:8080/");

    expect(await fieldErrors(api("es").create(imapFields({ port: 0 })), "es")).toEqual({ port: message("es", "Validation.port") });
    expect(await fieldErrors(api("fr").create(imapFields({ port: 65_536 })), "fr")).toEqual({ port: message("fr", "Validation.port") });
    expect(await fieldErrors(api().create(imapFields({ host: "imap server!" })))).toEqual({ host: message("en", "Validation.host") });
    expect(await fieldErrors(api().create(imapFields({ password: "" })))).toEqual({ password: message("en", "Validation.required") });
    expect(await fieldErrors(api().create(imapFields({ auth: "oauth2", password: null })))).toEqual({
      oauthProvider: message("en", "Validation.required"),
      oauthClientId: message("en", "Validation.required"),
    });
    expect(
      await fieldErrors(api("pt").create(imapFields({ auth: "oauth2", oauthProvider: "ftp://issuer.test", oauthClientId: "x" })), "pt"),
    ).toEqual({ oauthProvider: message("pt", "Validation.oauthProvider") });

    // Leaving OAuth2 for a password needs one: none was stored.
    expect(await fieldErrors(api().update({ id: issuer.id, ...imapFields({ name: issuer.name, password: "" }) }))).toEqual({
      password: message("en", "Validation.required"),
    });
  });

  it("refuses a second mailbox with the same name, saying so", async () => {
    const created = await api().create(imapFields());
    const error = (await failure(api("es").create(imapFields({ name: created.name.toUpperCase() })))) as TRPCError;
    expect(error.code).toBe("CONFLICT");
    expect(formatError(error, "es").message).toBe(message("es", "Errors.mailboxNameTaken").replace("{name}", created.name.toUpperCase()));
  });

  it("shows the last fetch, the last error and an OAuth2 problem; removing keeps the mail that came in", async () => {
    const created = await api().create(imapFields({ protocol: "pop3", port: 995, processedFolder: "Ignorada" }));
    // POP3 has no folders to move mail between.
    expect(created).toMatchObject({ folder: "INBOX", processedFolder: null });
    const at = new Date("2026-03-02T10:00:00.000Z");
    await db.mailbox.update({
      where: { id: created.id },
      data: { lastFetchAt: at, lastError: "AUTHENTICATIONFAILED", lastErrorAt: at, authProblem: "revoked" },
    });
    const listed = (await api().list()).mailboxes.find((m) => m.id === created.id);
    expect(listed).toMatchObject({ lastFetchAt: at, lastError: "AUTHENTICATIONFAILED", lastErrorAt: at, authProblem: "revoked" });

    const mail = await db.inboundMail.create({
      data: {
        source: "pop3",
        sourceKey: `pop3:${created.id}:uidl-1`,
        mailboxId: created.id,
        raw: Buffer.from("x"),
        size: 1,
        messageKey: "k",
      },
    });
    expect(await api().remove({ id: created.id })).toEqual({ ok: true });
    expect((await api().list()).mailboxes.some((m) => m.id === created.id)).toBe(false);
    expect(await db.inboundMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ mailboxId: null });
    expect(((await failure(api().remove({ id: created.id }))) as TRPCError).code).toBe("NOT_FOUND");
  });

  it("“Conectar” sends the admin to the provider's authorization page, with PKCE and a state that names the mailbox", async () => {
    const provider = await startOAuthProvider();
    try {
      const created = await api().create(
        imapFields({
          auth: "oauth2",
          password: null,
          oauthProvider: provider.issuer,
          oauthClientId: "mesa-test",
          username: "buzon@example.test",
        }),
      );
      const url = new URL((await api().connect({ id: created.id })).url);
      expect(url.href.startsWith(provider.issuer.replace(/\/$/, ""))).toBe(true);
      expect(url.searchParams.get("redirect_uri")).toBe("http://mesa.test/api/mailboxes/oauth/callback");
      expect(url.searchParams.get("client_id")).toBe("mesa-test");
      expect(url.searchParams.get("code_challenge_method")).toBe("S256");
      expect(url.searchParams.get("login_hint")).toBe("buzon@example.test");
      const state = await db.mailboxOAuthState.findUniqueOrThrow({ where: { state: url.searchParams.get("state")! } });
      expect(state.mailboxId).toBe(created.id);
    } finally {
      await provider.stop();
    }
  });

  it("“Conectar” is only for OAuth2 mailboxes", async () => {
    const created = await api().create(imapFields());
    const error = (await failure(api("es").connect({ id: created.id }))) as TRPCError;
    expect(formatError(error, "es").message).toBe(message("es", "Errors.mailboxNotOAuth"));
  });

  it("“Probar conexión” reports a server that does not answer and records it on the mailbox", async () => {
    // A port that was just free: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = server.address() as AddressInfo;
        server.close(() => resolve(free));
      });
    });
    const created = await api().create(imapFields({ host: "127.0.0.1", port, tls: false }));
    const outcome = await api().testConnection({ id: created.id });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.error.length).toBeGreaterThan(0);
    const listed = (await api().list()).mailboxes.find((m) => m.id === created.id)!;
    expect(listed.lastError).not.toBeNull();
    expect(listed.lastErrorAt).not.toBeNull();
  });
});
