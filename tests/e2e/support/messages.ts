// The app's own message files, so tests expect exactly what a locale shows (pt and fr are read, not
// hard-coded: their translations change independently of the tests).
import { readFileSync } from "node:fs";
import path from "node:path";

export const locales = ["es", "en", "pt", "fr"] as const;
export type Locale = (typeof locales)[number];

type Tree = { [key: string]: string | Tree };
const cache = new Map<Locale, Tree>();

function load(locale: Locale): Tree {
  let tree = cache.get(locale);
  if (!tree) {
    tree = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../../messages", `${locale}.json`), "utf8")) as Tree;
    cache.set(locale, tree);
  }
  return tree;
}

/** A message by its dotted key, e.g. msg("es", "Login.title"); `{name}` placeholders are filled. */
export function msg(locale: Locale, key: string, values: Record<string, string> = {}): string {
  let node: string | Tree | undefined = load(locale);
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`messages/${locale}.json has no string at ${key}`);
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
