// The translations as shipped, for asserting the exact text a person reads.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { AppLocale } from "../../server/i18n/locales";

const root = path.resolve(import.meta.dirname, "../..");

export type MessageTree = { [key: string]: string | MessageTree };

export function loadMessages(locale: AppLocale): MessageTree {
  return JSON.parse(readFileSync(path.join(root, "messages", `${locale}.json`), "utf8")) as MessageTree;
}

/** `message("es", "Errors.forbidden")`: the raw text of a key (no placeholders filled in). */
export function message(locale: AppLocale, key: string): string {
  let node: string | MessageTree | undefined = loadMessages(locale);
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`messages/${locale}.json has no message ${key}`);
  return node;
}

/** Every message as [dotted key, text]. */
export function flatten(tree: MessageTree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
}
