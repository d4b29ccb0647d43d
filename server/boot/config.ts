// Start-up configuration: validate the environment, fill in generated secrets where allowed, and
// publish the result in process.env (next-auth and route handlers read it from there).
import { ConfigError, parseEnv, type Env } from "../config/env";
import { resolveSecrets } from "../config/secrets";

export async function loadStartupConfig(): Promise<Env> {
  try {
    const env = parseEnv(process.env);
    Object.assign(process.env, await resolveSecrets(env));
    process.env.NEXTAUTH_URL ??= `http://localhost:${env.PORT}`;
    return env;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
