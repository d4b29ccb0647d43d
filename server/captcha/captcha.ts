// The self-hosted CAPTCHA: ALTCHA's proof of work (altcha-lib, protocol v2), no third party. The
// server issues a signed challenge (GET /api/captcha/challenge); the browser's widget finds the
// counter whose SHA-256 key starts with the challenge's prefix and hands the form a payload; the
// procedure checks it here before doing anything else.
//
// Cost. The server picks the counter at random (deterministic mode) and signs the key it derives,
// so checking a solution is two HMACs, and the browser needs on average (MIN + MAX) / 2 digests,
// spread over its Web Workers: a few tenths of a second on a phone, well under a second.
// Once. A solution passes once: its challenge's signature is stored until the challenge expires
// (UsedCaptcha, unique key) and a second use is refused, even by a parallel request.
import { createChallenge, randomInt, verifySolution, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { z } from "zod";
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import type { CaptchaSettings } from "./settings";

export const CAPTCHA_ALGORITHM = "SHA-256";
/** The counter the browser must reach: from MIN to MAX SHA-256 digests. */
export const CAPTCHA_COUNTER = { min: 5_000, max: 20_000 };
/** A challenge is solved and sent within this time, or refused (the widget then asks again). */
export const CAPTCHA_TTL_MS = 5 * 60_000;

/** A new challenge, signed with the server's keys. */
export async function newChallenge(settings: CaptchaSettings, now = new Date()): Promise<Challenge> {
  return createChallenge({
    algorithm: CAPTCHA_ALGORITHM,
    cost: 1,
    counter: randomInt(CAPTCHA_COUNTER.max, CAPTCHA_COUNTER.min),
    deriveKey,
    expiresAt: new Date(now.getTime() + CAPTCHA_TTL_MS),
    hmacSignatureSecret: settings.challengeSecret,
    hmacKeySignatureSecret: settings.keySecret,
  });
}

const hex = z
  .string()
  .regex(/^(?:[0-9a-f]{2})+$/)
  .max(256);
/** What the widget sends (base64 JSON), with exactly the parameters the server signs. */
const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.strictObject({
      algorithm: z.literal(CAPTCHA_ALGORITHM),
      cost: z.number().int().min(1).max(1),
      expiresAt: z.number().int().positive(),
      keyLength: z.number().int().min(1).max(64),
      keyPrefix: hex,
      keySignature: hex,
      nonce: hex,
      salt: hex,
    }),
    signature: hex,
  }),
  solution: z.object({ counter: z.number().int().min(0).max(0xffffffff), derivedKey: hex, time: z.number().optional() }),
});
type Payload = z.infer<typeof payloadSchema>;

function parsePayload(payload: string): Payload | null {
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, "base64").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Checks a CAPTCHA payload and spends it; does nothing when the CAPTCHA is off. Refuses a missing
 * payload ("captchaRequired") and a wrong, altered, expired or already used one ("captchaInvalid"),
 * both as invalid input, so the form shows the message and keeps what was typed. */
export async function checkCaptcha(db: Db, payload: string | null | undefined, now: Date, settings: CaptchaSettings): Promise<void> {
  if (!settings.enabled) return;
  if (!payload) throw new AppError("invalid_input", "captchaRequired");
  const parsed = parsePayload(payload);
  if (!parsed) throw new AppError("invalid_input", "captchaInvalid");
  const { challenge, solution } = parsed;
  const expiresAt = new Date(challenge.parameters.expiresAt * 1000);
  if (expiresAt <= now) throw new AppError("invalid_input", "captchaInvalid");
  const result = await verifySolution({
    challenge,
    solution,
    deriveKey,
    hmacSignatureSecret: settings.challengeSecret,
    hmacKeySignatureSecret: settings.keySecret,
  });
  if (!result.verified) throw new AppError("invalid_input", "captchaInvalid");
  await pruneNowAndThen(db);
  // The unique key decides between two requests with the same solution: one stores it, one does not.
  const stored = await db.usedCaptcha.createMany({ data: [{ signature: challenge.signature, expiresAt }], skipDuplicates: true });
  if (stored.count === 0) throw new AppError("invalid_input", "captchaInvalid");
}

// Used solutions whose challenge has expired say nothing any more; drop them now and then.
const PRUNE_EVERY_MS = 10 * 60_000;
const PRUNE = Symbol.for("mesa.usedCaptchaPrune");
type PruneState = { [PRUNE]?: number };

/** By the wall clock, as the challenges' expiry is (not by the request's `now`, which tests set freely). */
async function pruneNowAndThen(db: Db): Promise<void> {
  const holder = globalThis as PruneState;
  if ((holder[PRUNE] ?? 0) + PRUNE_EVERY_MS > Date.now()) return;
  holder[PRUNE] = Date.now();
  await db.usedCaptcha.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 60_000) } } });
}
