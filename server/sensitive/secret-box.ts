// Credentials Mesa keeps for itself (a mailbox's password, an OAuth2 client secret or refresh
// token), sealed with APP_ENCRYPTION_KEY into one text column: "<keyId>.<iv>.<tag>.<ciphertext>"
// in base64url. The context binds a sealed value to its row and field: copied elsewhere it does
// not open.
import { seal, unseal } from "./cipher";
import { keyring } from "./keyring";

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const bytes = (text: string) => new Uint8Array(Buffer.from(text, "base64url"));

export function sealSecret(plaintext: string, context: string): string {
  const s = seal(plaintext, keyring().current, context);
  return [s.keyId, b64(s.iv), b64(s.authTag), b64(s.ciphertext)].join(".");
}

export function openSecret(sealed: string, context: string): string {
  const [keyId, iv, authTag, ciphertext] = sealed.split(".");
  if (!keyId || !iv || !authTag || ciphertext === undefined) throw new Error("not a sealed secret");
  return unseal({ keyId, iv: bytes(iv), authTag: bytes(authTag), ciphertext: bytes(ciphertext) }, keyring().all, context);
}
