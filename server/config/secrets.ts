// Secrets that an embedded or development install may lack are generated once and kept in
// DATA_DIR/secrets.json, so sessions and encrypted data survive restarts.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ConfigError, mustProvideSecrets, secretNames, type Env, type Secrets } from "./env";

const generators: Record<keyof Secrets, () => string> = {
  NEXTAUTH_SECRET: () => randomBytes(32).toString("base64url"),
  APP_ENCRYPTION_KEY: () => randomBytes(32).toString("hex"),
  CRON_SECRET: () => randomBytes(24).toString("base64url"),
};

export async function resolveSecrets(env: Env): Promise<Secrets> {
  const missing = secretNames.filter((n) => !env[n]);
  if (missing.length === 0) return env as Env & Secrets;
  if (mustProvideSecrets(env)) {
    throw new ConfigError(
      `Mesa's configuration is invalid:\n${missing.map((n) => `  ${n}: required when NODE_ENV=production and DATABASE_URL is set`).join("\n")}`,
    );
  }
  const file = path.resolve(env.DATA_DIR, "secrets.json");
  let kept: Partial<Secrets> = {};
  try {
    kept = JSON.parse(await readFile(file, "utf8")) as Partial<Secrets>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw new ConfigError(`${file} is unreadable: ${(error as Error).message}`);
  }
  const resolved = { ...kept };
  for (const name of secretNames) resolved[name] = env[name] ?? kept[name] ?? generators[name]();
  if (secretNames.some((n) => resolved[n] !== kept[n] && !env[n])) {
    await mkdir(path.dirname(file), { recursive: true });
    const toKeep = Object.fromEntries(secretNames.map((n) => [n, kept[n] ?? (env[n] ? undefined : resolved[n])]).filter(([, v]) => v));
    await writeFile(file, JSON.stringify(toKeep, null, 2) + "\n", { mode: 0o600 });
  }
  return resolved as Secrets;
}
