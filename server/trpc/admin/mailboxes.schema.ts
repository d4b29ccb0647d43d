// Inputs and outputs of the mailbox procedures (server/inbound/admin/mailboxes.ts). Pure zod: the
// browser's form checks the same rules. The password and the OAuth2 client secret are write-only:
// they are inputs (empty keeps the stored one) and never part of an output, which says only whether
// one is stored.
import { z } from "zod";
import { MailboxAuth, MailboxProtocol } from "../../db/generated/enums";
import { cleanString, idField, isCleanText, lineField } from "../../validation/fields";
import { id } from "../outputs";

export const mailboxProtocols = Object.values(MailboxProtocol);
export const mailboxAuths = Object.values(MailboxAuth);
/** The providers Mesa knows by name; any other is an OpenID issuer URL. */
export const namedProviders = ["microsoft", "google"] as const;

/** A host name (labels of letters, digits and hyphens), an IPv4 address or an IPv6 one. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/;
const IPV6 = /^\[?[0-9a-f:.]*:[0-9a-f:.]*\]?$/;
export const isHost = (value: string) => HOST_NAME.test(value) || IPV6.test(value);

/** An OpenID issuer: an http(s) URL (http for a local test provider). */
export function isIssuerUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "" && !url.username && !url.password;
}

const hostField = z
  .string({ error: "Validation.required" })
  .trim()
  .toLowerCase()
  .min(1, { error: "Validation.required" })
  .refine(isHost, { error: "Validation.host" });
/** From a form's text box too ("993"). */
const portField = z.coerce
  .number({ error: "Validation.port" })
  .int({ error: "Validation.port" })
  .min(1, { error: "Validation.port" })
  .max(65_535, { error: "Validation.port" });
/** A secret as typed (never trimmed: spaces may belong to it); empty means "keep the stored one". */
const secretField = z
  .string({ error: "Validation.invalid" })
  .max(1_000, { error: "Validation.tooLong" })
  .refine((v) => isCleanText(v), { error: "Validation.invalidCharacters" })
  .nullish()
  .transform((v) => v || undefined);
/** Optional text: empty is null. */
const optionalLine = (max: number) =>
  cleanString()
    .max(max, { error: "Validation.tooLong" })
    .nullish()
    .transform((v) => v || null);
const providerField = optionalLine(500).refine((v) => v === null || (namedProviders as readonly string[]).includes(v) || isIssuerUrl(v), {
  error: "Validation.oauthProvider",
});

const mailboxShape = {
  name: lineField(80),
  protocol: z.enum(MailboxProtocol, { error: "Validation.invalid" }),
  host: hostField,
  port: portField,
  tls: z.boolean({ error: "Validation.invalid" }),
  username: lineField(320),
  auth: z.enum(MailboxAuth, { error: "Validation.invalid" }),
  password: secretField,
  oauthProvider: providerField,
  oauthClientId: optionalLine(500),
  oauthClientSecret: secretField,
  folder: lineField(200).default("INBOX"),
  processedFolder: optionalLine(200),
  enabled: z.boolean({ error: "Validation.invalid" }),
};

/** Across fields: OAuth2 needs a provider and a client id; a new mailbox with a password needs it. */
const rules =
  (creating: boolean) =>
  (v: { auth: string; password?: string; oauthProvider: string | null; oauthClientId: string | null }, ctx: z.RefinementCtx) => {
    if (v.auth === "oauth2") {
      if (!v.oauthProvider) ctx.addIssue({ code: "custom", path: ["oauthProvider"], message: "Validation.required" });
      if (!v.oauthClientId) ctx.addIssue({ code: "custom", path: ["oauthClientId"], message: "Validation.required" });
    } else if (creating && !v.password) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "Validation.required" });
    }
  };

export const createMailboxInput = z.object(mailboxShape).superRefine(rules(true));
/** An edit: empty password or client secret keeps the stored one. */
export const updateMailboxInput = z.object({ id: idField, ...mailboxShape }).superRefine(rules(false));
export const mailboxIdInput = z.object({ id: idField });

export const mailboxOutput = z.object({
  id,
  name: z.string(),
  protocol: z.enum(MailboxProtocol),
  host: z.string(),
  port: z.number().int(),
  tls: z.boolean(),
  username: z.string(),
  auth: z.enum(MailboxAuth),
  oauthProvider: z.string().nullable(),
  oauthClientId: z.string().nullable(),
  folder: z.string(),
  processedFolder: z.string().nullable(),
  enabled: z.boolean(),
  lastFetchAt: z.date().nullable(),
  lastError: z.string().nullable(),
  lastErrorAt: z.date().nullable(),
  /** OAuth2 trouble a person must fix: "revoked", "expired" (a key of Admin.mailboxes.auth). */
  authProblem: z.string().nullable(),
  createdAt: z.date(),
  /** Whether a password / client secret is stored (never the value). */
  hasPassword: z.boolean(),
  hasClientSecret: z.boolean(),
  /** OAuth2: the provider granted access. */
  connected: z.boolean(),
});
/** The mailboxes, and the address to register as redirect URI with an OAuth2 provider. */
export const mailboxListOutput = z.object({ mailboxes: z.array(mailboxOutput), redirectUri: z.string() });

/** "Probar conexión": what the server answered, or why it failed. */
export const connectionTestOutput = z.union([
  z.object({ ok: z.literal(true), detail: z.string() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
/** "Conectar": the provider's authorization page to send the admin to. */
export const oauthConnectOutput = z.object({ url: z.string() });
