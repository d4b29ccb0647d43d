// A fresh CAPTCHA challenge for the widget (server/captcha/captcha.ts): signed, valid five minutes,
// never cached. 404 when the server runs with CAPTCHA=off (no form shows the widget then).
import { newChallenge } from "../../../../server/captcha/captcha";
import { captchaSettings } from "../../../../server/captcha/settings";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

export async function GET() {
  const settings = captchaSettings();
  if (!settings.enabled) return Response.json({ code: "captcha_off" }, { status: 404, headers: noStore });
  return Response.json(await newChallenge(settings), { headers: noStore });
}
