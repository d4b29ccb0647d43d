// Field messages are "Validation.*" keys written as strings in zod rules (server and browser share
// them), which the type checker cannot see through: every such key in the sources must exist in the
// English catalogue (messages.test.ts then makes the other languages follow). Domain error keys are
// checked by the compiler instead (AppError's messageKey is typed against messages/en.json).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadMessages, type MessageTree } from "../support/messages";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe("Validation.* keys in the sources", () => {
  it("each exists under Validation in messages/en.json", () => {
    const known = new Set(Object.keys(loadMessages("en").Validation as MessageTree));
    const used = new Map<string, string>();
    for (const file of [...sourceFiles(path.join(root, "server")), ...sourceFiles(path.join(root, "app"))]) {
      for (const [, key] of readFileSync(file, "utf8").matchAll(/["'`]Validation\.([A-Za-z0-9_]+)["'`]/g))
        used.set(key!, path.relative(root, file));
    }
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter(([key]) => !known.has(key)).map(([key, file]) => `Validation.${key} (${file})`)).toEqual([]);
  });
});
