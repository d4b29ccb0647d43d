// The keys of this process: APP_ENCRYPTION_KEY seals, it and APP_ENCRYPTION_PREVIOUS_KEYS open.
import { getConfig } from "../config/env";
import { keyFromHex, type Key } from "./cipher";

export function keyring(): { current: Key; all: Key[] } {
  const config = getConfig();
  const current = keyFromHex(config.APP_ENCRYPTION_KEY);
  const previous = (config.APP_ENCRYPTION_PREVIOUS_KEYS ?? "")
    .split(",")
    .map((k) => k.trim())
    .filter(Boolean)
    .map(keyFromHex);
  return { current, all: [current, ...previous] };
}
