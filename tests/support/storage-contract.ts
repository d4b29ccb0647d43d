// The FileStorage contract as tests: any implementation must pass these (the local disk does in
// tests/unit/storage-contract.test.ts; uploadthing's is held to the same interface by the compiler).
import { randomUUID } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import type { FileStorage } from "../../server/files/storage/contract";
import { spaceFor } from "../../server/files/storage/contract";

async function tempFile(content: string): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "mesa-contract-")), "upload");
  await writeFile(file, content);
  return file;
}

const text = async (stream: ReadableStream<Uint8Array> | null) => (stream ? await new Response(stream).text() : null);

export function storageContract(make: () => Promise<FileStorage>) {
  const acme = spaceFor({ organizationId: randomUUID(), uploaderId: randomUUID() });
  const globex = spaceFor({ organizationId: randomUUID(), uploaderId: randomUUID() });
  const meta = { name: "captura.png", contentType: "image/png" };

  it("keeps a file under a new random key in its space and reads it back", async () => {
    const storage = await make();
    const a = await storage.put(acme, await tempFile("uno"), meta);
    const b = await storage.put(acme, await tempFile("dos"), meta);
    expect(a).not.toBe(b);
    expect(a).not.toContain("captura");
    expect(await text(await storage.read(a))).toBe("uno");
    expect(await text(await storage.read(b))).toBe("dos");
  });

  it("answers null for a key that holds nothing", async () => {
    const storage = await make();
    const key = await storage.put(acme, await tempFile("x"), meta);
    await storage.remove(key);
    expect(await storage.read(key)).toBeNull();
    await storage.remove(key); // removing twice is no error
  });

  it("moves a file into another space with a new key; the old key no longer reads", async () => {
    const storage = await make();
    const key = await storage.put(acme, await tempFile("mover"), meta);
    const moved = await storage.move(key, globex);
    expect(await text(await storage.read(moved))).toBe("mover");
    if (moved !== key) expect(await storage.read(key)).toBeNull();
  });

  it("refuses keys and spaces that are not its own shape (no path escapes)", async () => {
    const storage = await make();
    await expect(storage.read("../../etc/passwd")).rejects.toThrow();
    await expect(storage.read(`${acme}/../../secrets.json`)).rejects.toThrow();
    await expect(storage.put("../outside", await tempFile("x"), meta)).rejects.toThrow();
  });
}
