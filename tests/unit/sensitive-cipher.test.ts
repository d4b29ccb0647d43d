// Sealing sensitive information: AES-256-GCM with a key id, rotation through previous keys, and
// nothing opens when it is moved, altered or its key is gone.
import { describe, expect, it } from "vitest";
import { keyFromHex, seal, unseal } from "../../server/sensitive/cipher";

const oldKey = keyFromHex("1".repeat(64));
const newKey = keyFromHex("2".repeat(64));
const secret = "root / Contraseña-ñ 1234";

describe("sensitive information cipher", () => {
  it("seals to a ciphertext that does not contain the text, and opens it again", () => {
    const sealed = seal(secret, newKey, "ctx-a");
    expect(Buffer.from(sealed.ciphertext).toString("utf8")).not.toContain("Contraseña");
    expect(sealed.iv).toHaveLength(12);
    expect(sealed.authTag).toHaveLength(16);
    expect(unseal(sealed, [newKey], "ctx-a")).toBe(secret);
  });

  it("uses a fresh IV every time", () => {
    expect(Buffer.from(seal(secret, newKey, "c").iv)).not.toEqual(Buffer.from(seal(secret, newKey, "c").iv));
  });

  it("records which key sealed it, so a rotated key still opens older boxes", () => {
    const old = seal(secret, oldKey, "ctx");
    expect(old.keyId).toBe(oldKey.id);
    expect(old.keyId).not.toBe(newKey.id);
    expect(unseal(old, [newKey, oldKey], "ctx")).toBe(secret);
    expect(() => unseal(old, [newKey], "ctx")).toThrow(/no encryption key/);
  });

  it("refuses a box moved to another message or altered", () => {
    const sealed = seal(secret, newKey, "ticket-1:message-1");
    expect(() => unseal(sealed, [newKey], "ticket-1:message-2")).toThrow();
    const altered = { ...sealed, ciphertext: Uint8Array.from(sealed.ciphertext, (b, i) => (i === 0 ? b ^ 1 : b)) };
    expect(() => unseal(altered, [newKey], "ticket-1:message-1")).toThrow();
  });

  it("refuses keys that are not 32 bytes of hex", () => {
    expect(() => keyFromHex("abc")).toThrow();
  });
});
