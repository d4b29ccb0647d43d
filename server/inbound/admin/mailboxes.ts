// The mailboxes Mesa fetches mail from, as admins keep them (Administración › Buzones): list, create,
// change, remove. Secrets are write-only: the password and the OAuth2 client secret are sealed with
// APP_ENCRYPTION_KEY under a context naming the mailbox and the field (server/sensitive/secret-box.ts),
// never read back out, and kept as they are when an edit leaves them empty. What the list shows of
// them is only whether one is stored. The fetchers (server/inbound/sources/) read the same rows.
import { randomUUID } from "node:crypto";
import type { Db } from "../../db";
import type { MailboxAuth, MailboxProtocol } from "../../db/generated/enums";
import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors/app-error";
import { sealSecret } from "../../sensitive/secret-box";

export const passwordContext = (mailboxId: string) => `mailbox:${mailboxId}:password`;
export const clientSecretContext = (mailboxId: string) => `mailbox:${mailboxId}:client-secret`;

/** What the form sends. `password` and `oauthClientSecret`: a new value, or empty/absent to keep the
 * stored one (on create: none). */
export interface MailboxFields {
  name: string;
  protocol: MailboxProtocol;
  host: string;
  port: number;
  tls: boolean;
  username: string;
  auth: MailboxAuth;
  password?: string | null;
  oauthProvider: string | null;
  oauthClientId: string | null;
  oauthClientSecret?: string | null;
  folder: string;
  processedFolder: string | null;
  enabled: boolean;
}

/** Every column a screen may show: never a sealed value, never the lease. */
const mailboxSelect = {
  id: true,
  name: true,
  protocol: true,
  host: true,
  port: true,
  tls: true,
  username: true,
  auth: true,
  oauthProvider: true,
  oauthClientId: true,
  folder: true,
  processedFolder: true,
  enabled: true,
  lastFetchAt: true,
  lastError: true,
  lastErrorAt: true,
  authProblem: true,
  createdAt: true,
  passwordSealed: true,
  oauthClientSecretSealed: true,
  refreshTokenSealed: true,
} as const satisfies Prisma.MailboxSelect;

type MailboxRow = Prisma.MailboxGetPayload<{ select: typeof mailboxSelect }>;

/** The row as the screen sees it: whether each secret is there, not the secret. */
function view({ passwordSealed, oauthClientSecretSealed, refreshTokenSealed, ...mailbox }: MailboxRow) {
  return {
    ...mailbox,
    hasPassword: passwordSealed !== null,
    hasClientSecret: oauthClientSecretSealed !== null,
    /** OAuth2: the provider granted access (a refresh token is stored). */
    connected: refreshTokenSealed !== null,
  };
}
export type MailboxView = ReturnType<typeof view>;

export async function listMailboxes(db: Db): Promise<MailboxView[]> {
  const rows = await db.mailbox.findMany({ select: mailboxSelect, orderBy: { name: "asc" } });
  return rows.map(view);
}

/** The mailbox, or not_found. */
export async function findMailbox(db: Db, id: string) {
  const row = await db.mailbox.findUnique({ where: { id }, select: { ...mailboxSelect, updatedAt: true } });
  if (!row) throw new AppError("not_found");
  return row;
}

async function assertNameFree(db: Db, name: string, exceptId?: string): Promise<void> {
  const taken = await db.mailbox.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (taken) throw new AppError("conflict", "mailboxNameTaken", { name });
}

/** A unique-index race (two admins, one name) is the same refusal as the check before it. */
async function nameRace<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", "mailboxNameTaken", { name });
    throw error;
  }
}

/** The plain columns of the form. POP3 has no folders; password auth has no OAuth2 settings. */
function columns(fields: MailboxFields) {
  const oauth = fields.auth === "oauth2";
  const imap = fields.protocol === "imap";
  return {
    name: fields.name,
    protocol: fields.protocol,
    host: fields.host,
    port: fields.port,
    tls: fields.tls,
    username: fields.username,
    auth: fields.auth,
    oauthProvider: oauth ? fields.oauthProvider : null,
    oauthClientId: oauth ? fields.oauthClientId : null,
    folder: imap ? fields.folder : "INBOX",
    processedFolder: imap ? fields.processedFolder : null,
    enabled: fields.enabled,
  };
}

export async function createMailbox(db: Db, fields: MailboxFields): Promise<MailboxView> {
  await assertNameFree(db, fields.name);
  // The id is chosen here: the sealed secrets name it.
  const id = randomUUID();
  const oauth = fields.auth === "oauth2";
  const row = await nameRace(fields.name, () =>
    db.mailbox.create({
      data: {
        id,
        ...columns(fields),
        passwordSealed: !oauth && fields.password ? sealSecret(fields.password, passwordContext(id)) : null,
        oauthClientSecretSealed: oauth && fields.oauthClientSecret ? sealSecret(fields.oauthClientSecret, clientSecretContext(id)) : null,
      },
      select: mailboxSelect,
    }),
  );
  return view(row);
}

/** Changes a mailbox. An empty password or client secret keeps the stored one. A change of
 * provider, client or account (or leaving OAuth2) drops the provider's grant: the refresh token
 * was issued for the old one, so the mailbox must be connected again. */
export async function updateMailbox(db: Db, id: string, fields: MailboxFields): Promise<MailboxView> {
  const before = await findMailbox(db, id);
  await assertNameFree(db, fields.name, id);
  const data: Prisma.MailboxUpdateInput = columns(fields);
  const oauth = fields.auth === "oauth2";
  if (!oauth) {
    data.oauthClientSecretSealed = null;
    if (fields.password) data.passwordSealed = sealSecret(fields.password, passwordContext(id));
  } else {
    data.passwordSealed = null;
    if (fields.oauthClientSecret) data.oauthClientSecretSealed = sealSecret(fields.oauthClientSecret, clientSecretContext(id));
  }
  const grantChanged =
    !oauth ||
    before.auth !== "oauth2" ||
    before.oauthProvider !== fields.oauthProvider ||
    before.oauthClientId !== fields.oauthClientId ||
    before.username !== fields.username;
  if (grantChanged && before.refreshTokenSealed !== null) {
    data.refreshTokenSealed = null;
    data.authProblem = null;
  }
  if (!oauth) data.authProblem = null;
  const row = await nameRace(fields.name, () => db.mailbox.update({ where: { id }, data, select: mailboxSelect }));
  return view(row);
}

/** Whether the stored mailbox has a password (an edit to password auth without one needs one). */
export async function mailboxHasPassword(db: Db, id: string): Promise<boolean> {
  return (await findMailbox(db, id)).passwordSealed !== null;
}

/** Removes the mailbox and its OAuth2 requests in flight. Its stored mail stays (mailboxId becomes
 * null): nothing that came in is ever lost. */
export async function removeMailbox(db: Db, id: string): Promise<void> {
  await findMailbox(db, id);
  await db.$transaction([db.mailboxOAuthState.deleteMany({ where: { mailboxId: id } }), db.mailbox.delete({ where: { id } })]);
}

/** For "Conectar": the mailbox must use OAuth2. */
export async function assertOAuthMailbox(db: Db, id: string): Promise<void> {
  const row = await findMailbox(db, id);
  if (row.auth !== "oauth2" || !row.oauthProvider || !row.oauthClientId) throw new AppError("invalid_input", "mailboxNotOAuth");
}
