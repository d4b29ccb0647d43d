// The CAPTCHA of a procedure: the context's settings (tests) or this server's.
import { loadSecurityPolicy } from "../admin/security-policy";
import { checkCaptcha } from "../captcha/captcha";
import { captchaSettings, type CaptchaSettings } from "../captcha/settings";
import type { Context } from "./context";

export const captchaOf = (ctx: Context): CaptchaSettings => ctx.captcha ?? captchaSettings();

/** Refuses the call unless `payload` is a fresh solution (nothing to check when the CAPTCHA is off). */
export const requireCaptcha = (ctx: Context, payload: string | undefined) => checkCaptcha(ctx.db, payload, ctx.now, captchaOf(ctx));

/** Whether the create-ticket form asks for the CAPTCHA: an admin turned it on, and the server has it. */
export async function ticketCaptchaRequired(ctx: Context): Promise<boolean> {
  return captchaOf(ctx).enabled && (await loadSecurityPolicy(ctx.db)).ticketCaptcha;
}
