// The inner context is plain values, so tests build it directly and call procedures with
// createCaller and a fixed clock. The request-bound part only reads the session and the language.
import type { Db } from "../db";
import type { Principal } from "../access/principal";
import type { AppLocale } from "../i18n/locales";
import type { CaptchaSettings } from "../captcha/settings";

export interface Context {
  db: Db;
  user: Principal | null;
  locale: AppLocale;
  now: Date;
  /** Client address as the custom server saw it (for throttling); absent in tests. */
  ip?: string;
  /** The CAPTCHA's settings; absent: this server's (CAPTCHA, NEXTAUTH_SECRET). Tests pass their own. */
  captcha?: CaptchaSettings;
  /** The help centre's signed-out voter: the random id of the browser's cookie (null: none yet) and
   * a way to give the browser one. Absent outside the web (REST, tests that do not vote). */
  helpVoter?: HelpVoterCookie;
}

export interface HelpVoterCookie {
  id: string | null;
  /** Sets a new random id on the response and answers it. */
  issue(): string;
}
