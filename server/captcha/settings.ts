// Whether this server asks for the CAPTCHA, and the keys that sign its challenges. Both keys are
// derived from NEXTAUTH_SECRET (one HMAC each, under a label of their own), so there is no new
// secret to manage and a key of the CAPTCHA opens nothing else. CAPTCHA=off turns the widget and
// the check off everywhere. Tests pass settings of their own (the tRPC context's `captcha`).
import { createHmac } from "node:crypto";
import { getConfig } from "../config/env";

export interface CaptchaSettings {
  enabled: boolean;
  /** Signs each challenge's parameters (so none can be altered or made up). */
  challengeSecret: string;
  /** Signs the key a challenge's solution derives (so checking a solution costs one HMAC). */
  keySecret: string;
}

/** The settings for a master secret: what the server uses, and what tests build with their own. */
export function captchaSettingsFor(masterSecret: string, enabled = true): CaptchaSettings {
  const derive = (label: string) => createHmac("sha256", masterSecret).update(label).digest("hex");
  return { enabled, challengeSecret: derive("mesa:captcha:challenge"), keySecret: derive("mesa:captcha:key") };
}

let cached: CaptchaSettings | undefined;
/** This server's settings (CAPTCHA, NEXTAUTH_SECRET). */
export function captchaSettings(): CaptchaSettings {
  if (cached) return cached;
  const config = getConfig();
  cached = captchaSettingsFor(config.NEXTAUTH_SECRET, config.CAPTCHA !== "off");
  return cached;
}
