// What an operator sees when the environment is wrong, and how secrets are kept.
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "../../server/config/env";
import { resolveSecrets } from "../../server/config/secrets";

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

async function configErrorAsync(run: () => Promise<unknown>): Promise<ConfigError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseEnv", () => {
  it("starts with sensible defaults on an empty environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ NODE_ENV: "development", PORT: 3000, DATA_DIR: "./data", TRUST_PROXY: "false" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("treats empty values as unset, as in a copied .env.example", () => {
    const env = parseEnv({ PORT: "", DATABASE_URL: "  ", SMTP_URL: "" });
    expect([env.PORT, env.DATABASE_URL, env.SMTP_URL]).toEqual([3000, undefined, undefined]);
  });

  it.each([
    ["PORT", "http"],
    ["PORT", "70000"],
    ["PORT", "80.5"],
  ])("names %s when it is %j", (name, value) => {
    const error = configError(() => parseEnv({ [name]: value }));
    expect(error.message).toMatch(/^Mesa's configuration is invalid:/);
    expect(error.message).toMatch(new RegExp(`^  ${name}: `, "m"));
  });

  it("explains what SMTP_URL should look like", () => {
    expect(configError(() => parseEnv({ SMTP_URL: "mail.example.com" })).message).toMatch(/SMTP_URL: must be a URL \(smtp:\/\//);
    expect(configError(() => parseEnv({ SMTP_URL: "http://mail.example.com" })).message).toMatch(
      /SMTP_URL: must start with smtp:\/\/ or smtps:\/\//,
    );
    expect(parseEnv({ SMTP_URL: "smtps://u:p@mail.example.com:465" }).SMTP_URL).toBe("smtps://u:p@mail.example.com:465");
  });

  it("refuses a DATABASE_URL that is not PostgreSQL", () => {
    expect(configError(() => parseEnv({ DATABASE_URL: "mysql://u:p@db/mesa" })).message).toMatch(
      /DATABASE_URL: must start with postgresql:\/\//,
    );
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/mesa" }).DATABASE_URL).toBe("postgres://u:p@db:5432/mesa");
  });

  it("wants the Google id and secret together", () => {
    const error = configError(() => parseEnv({ GOOGLE_CLIENT_ID: "id.apps.googleusercontent.com" }));
    expect(error.message).toMatch(/GOOGLE_CLIENT_SECRET: GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET must be set together/);
    expect(configError(() => parseEnv({ GOOGLE_CLIENT_SECRET: "s3cret" })).message).toMatch(/must be set together/);
    expect(parseEnv({ GOOGLE_CLIENT_ID: "id", GOOGLE_CLIENT_SECRET: "s3cret" })).toMatchObject({
      GOOGLE_CLIENT_ID: "id",
      GOOGLE_CLIENT_SECRET: "s3cret",
    });
  });

  it("has the CAPTCHA on unless CAPTCHA=off, and names a value that is neither", () => {
    expect(parseEnv({}).CAPTCHA).toBe("on");
    expect(parseEnv({ CAPTCHA: "off" }).CAPTCHA).toBe("off");
    expect(configError(() => parseEnv({ CAPTCHA: "false" })).message).toMatch(/^ {2}CAPTCHA: must be "on" or "off"$/m);
  });

  it("names every wrong secret with its rule", () => {
    const error = configError(() => parseEnv({ NEXTAUTH_SECRET: "short", APP_ENCRYPTION_KEY: "xyz", CRON_SECRET: "tiny" }));
    expect(error.message).toMatch(/NEXTAUTH_SECRET: must be at least 32 characters/);
    expect(error.message).toMatch(/APP_ENCRYPTION_KEY: must be 64 hexadecimal characters/);
    expect(error.message).toMatch(/CRON_SECRET: must be at least 16 characters/);
  });
});

describe("resolveSecrets", () => {
  const dirs: string[] = [];
  const tempDataDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mesa-secrets-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
  });

  it("refuses a production server on PostgreSQL without secrets, naming each one", async () => {
    const env = parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://u:p@db:5432/mesa", DATA_DIR: await tempDataDir() });
    const error = await configErrorAsync(() => resolveSecrets(env));
    for (const name of ["NEXTAUTH_SECRET", "APP_ENCRYPTION_KEY", "CRON_SECRET"]) {
      expect(error.message).toMatch(new RegExp(`^  ${name}: required when NODE_ENV=production and DATABASE_URL is set`, "m"));
    }
  });

  it("names only the secret still missing", async () => {
    const env = parseEnv({
      NODE_ENV: "production",
      DATABASE_URL: "postgresql://u:p@db:5432/mesa",
      NEXTAUTH_SECRET: "n".repeat(32),
      APP_ENCRYPTION_KEY: "a".repeat(64),
    });
    const error = await configErrorAsync(() => resolveSecrets(env));
    expect(error.message).toMatch(/CRON_SECRET/);
    expect(error.message).not.toMatch(/NEXTAUTH_SECRET|APP_ENCRYPTION_KEY/);
  });

  it("on an embedded install, generates valid secrets once and keeps them in DATA_DIR/secrets.json", async () => {
    const dataDir = await tempDataDir();
    const env = parseEnv({ NODE_ENV: "production", DATA_DIR: dataDir });
    const first = await resolveSecrets(env);
    // The generated values pass the same rules as values an operator would set.
    expect(() => parseEnv({ ...first })).not.toThrow();
    expect(new Set(Object.values(first)).size).toBe(3);

    const file = path.join(dataDir, "secrets.json");
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(first);
    expect((await stat(file)).mode & 0o077).toBe(0); // readable by the owner only

    expect(await resolveSecrets(env)).toEqual(first);
  });

  it("uses a secret from the environment without copying it to disk", async () => {
    const dataDir = await tempDataDir();
    const own = "operator-chosen-secret-of-32-chars!!";
    const secrets = await resolveSecrets(parseEnv({ DATA_DIR: dataDir, NEXTAUTH_SECRET: own }));
    expect(secrets.NEXTAUTH_SECRET).toBe(own);
    const kept = await readFile(path.join(dataDir, "secrets.json"), "utf8");
    expect(kept).not.toContain(own);
    expect(JSON.parse(kept)).toEqual({ APP_ENCRYPTION_KEY: secrets.APP_ENCRYPTION_KEY, CRON_SECRET: secrets.CRON_SECRET });
  });

  it("reports an unreadable secrets.json instead of replacing it", async () => {
    const dataDir = await tempDataDir();
    await writeFile(path.join(dataDir, "secrets.json"), "{not json");
    const error = await configErrorAsync(() => resolveSecrets(parseEnv({ DATA_DIR: dataDir })));
    expect(error.message).toMatch(/secrets\.json is unreadable/);
  });
});
