// Mesa's configuration, read from the environment and validated once. A wrong or missing value
// stops the start with a message that names the variable.
import { z } from "zod";
import { locales } from "../i18n/locales";

const optional = z.string().trim().min(1).optional().catch(undefined);
const url = (what: string) => z.url({ message: `must be a URL (${what})` });

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATA_DIR: z.string().min(1).default("./data"),
    DATABASE_URL: url("postgresql://user:password@host:5432/db")
      .refine((v) => /^postgres(ql)?:/.test(v), "must start with postgresql://")
      .optional(),
    NEXTAUTH_URL: url("the address people use, e.g. https://help.example.com").optional(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    APP_ENCRYPTION_KEY: z
      .string()
      .regex(/^[0-9a-f]{64}$/i, "must be 64 hexadecimal characters (32 bytes)")
      .optional(),
    /** Earlier APP_ENCRYPTION_KEYs (comma-separated), kept only to open what they sealed. */
    APP_ENCRYPTION_PREVIOUS_KEYS: z
      .string()
      .regex(/^[0-9a-f]{64}(\s*,\s*[0-9a-f]{64})*$/i, "must be 64-hex-character keys separated by commas")
      .optional(),
    CRON_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    SMTP_URL: url("smtp://user:password@host:587 or smtp://127.0.0.1:2525")
      .refine((v) => /^smtps?:/.test(v), "must start with smtp:// or smtps://")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Mesa <no-reply@mesa.localhost>"),
    GOOGLE_CLIENT_ID: optional,
    GOOGLE_CLIENT_SECRET: optional,
    /** Another OpenID issuer standing in for Google (tests use a local one). */
    GOOGLE_ISSUER: url("an OpenID issuer").optional(),
    UPLOADTHING_TOKEN: optional,
    /** "true" behind a load balancer: the client address is then the first of X-Forwarded-For. */
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|[0-9])$/, "true, false or the number of proxies in front (0-9)")
      .default("false"),
    /** Seconds between the built-in automation ticks (SLA alerts, automatic transitions); 0 turns
     * them off when an external scheduler calls /api/cron/tick. */
    AUTOMATION_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
    /** Comma-separated email domains whose Google sign-ins are staff (agents). */
    STAFF_EMAIL_DOMAINS: z.string().default(""),
    /** The inbound mail webhook (POST /api/inbound/email) answers only with this bearer secret; unset,
     * the route does not exist (404). */
    INBOUND_EMAIL_SECRET: z.string().min(24, "must be at least 24 characters").optional(),
    /** The largest inbound mail accepted (webhook, IMAP, POP3), in bytes. */
    INBOUND_EMAIL_MAX_BYTES: z.coerce.number().int().min(1_048_576).max(1_073_741_824).default(41_943_040),
    /** Seconds between mailbox polls where IMAP IDLE is not available (and for POP3). */
    MAILBOX_POLL_SECONDS: z.coerce.number().int().min(5).max(3_600).default(60),
    /** REST API: requests each token may make per REST_RATE_WINDOW_SECONDS. */
    REST_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
    REST_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
    /** The self-hosted CAPTCHA (ALTCHA proof of work) on registration, forgot password, sign-ins under
     * pressure and, when an admin asks, the create-ticket form. "off" for automated tests and for
     * deployments behind their own protection. Its signing keys are derived from NEXTAUTH_SECRET. */
    CAPTCHA: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on"),
    /** The language departments, categories, calendars and help-centre headings are named in first;
     * a reader whose language has no name of its own reads this one. */
    DEFAULT_LOCALE: z.enum(locales, { message: "must be one of es, en, pt, fr" }).default("es"),
  })
  .refine((e) => !!e.GOOGLE_CLIENT_ID === !!e.GOOGLE_CLIENT_SECRET, {
    message: "GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET must be set together",
    path: ["GOOGLE_CLIENT_SECRET"],
  });

export type Env = z.infer<typeof envSchema>;
export type Secrets = Required<Pick<Env, "NEXTAUTH_SECRET" | "APP_ENCRYPTION_KEY" | "CRON_SECRET">>;
export type Config = Omit<Env, keyof Secrets | "NEXTAUTH_URL"> & Secrets & { NEXTAUTH_URL: string };
export const secretNames = ["NEXTAUTH_SECRET", "APP_ENCRYPTION_KEY", "CRON_SECRET"] as const;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Empty strings count as unset, so `FOO=` in a .env file means "use the default". */
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(source).filter((e): e is [string, string] => !!e[1]?.trim()));
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(withoutEmpty(source));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "environment"}: ${i.message}`);
    throw new ConfigError(`Mesa's configuration is invalid:\n${lines.join("\n")}`);
  }
  return result.data;
}

/** Embedded or development installs may generate missing secrets; a production server may not. */
export function mustProvideSecrets(env: Env): boolean {
  return env.NODE_ENV === "production" && !!env.DATABASE_URL;
}

let cached: Config | undefined;
/** The configuration of this process, once server/main.ts has resolved the secrets into process.env. */
export function getConfig(): Config {
  if (cached) return cached;
  const env = parseEnv(process.env);
  const missing = secretNames.filter((n) => !env[n]);
  if (missing.length) throw new ConfigError(`Missing secrets: ${missing.join(", ")} (start Mesa with server/main.ts)`);
  cached = { ...(env as Config), NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}` };
  return cached;
}
