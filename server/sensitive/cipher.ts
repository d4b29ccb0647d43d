// AES-256-GCM for sensitive ticket information. Each ciphertext records the id of the key that
// sealed it (a fingerprint, never the key), so APP_ENCRYPTION_KEY can be rotated: new boxes use the
// current key, older ones open with the previous keys still listed. The additional data binds a
// ciphertext to its message: copied onto another row, it does not open.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export interface Key {
  id: string;
  bytes: Buffer;
}

type Bytes = Uint8Array<ArrayBuffer>;
export interface Sealed {
  keyId: string;
  iv: Bytes;
  ciphertext: Bytes;
  authTag: Bytes;
}

export function keyFromHex(hex: string): Key {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error("an encryption key must be 64 hexadecimal characters");
  const bytes = Buffer.from(hex, "hex");
  return { id: createHash("sha256").update("mesa-key-id\0").update(bytes).digest("hex").slice(0, 16), bytes };
}

export function seal(plaintext: string, key: Key, context: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { keyId: key.id, iv: new Uint8Array(iv), ciphertext: new Uint8Array(ciphertext), authTag: new Uint8Array(cipher.getAuthTag()) };
}

/** The plaintext, or an error when no listed key has the sealing key's id or the data was altered. */
export function unseal(sealed: Sealed, keys: readonly Key[], context: string): string {
  const key = keys.find((k) => k.id === sealed.keyId);
  if (!key) throw new Error(`no encryption key with id ${sealed.keyId} is configured`);
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, sealed.iv);
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(sealed.authTag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString("utf8");
}
