// Account emails (activation, password reset, invitation, and the notices sent instead when someone
// registers an address that already has an account), always in the recipient's own language.
//
// They go through the outbox (server/notifications/outbox.ts) like every other mail: the request
// writes the row, in the transaction of the change it tells of when there is one, and the outbox
// worker sends it right after (kickOutbox) with retries. No request waits for SMTP, so the answer
// time of "forgot password" or a registration does not depend on whether a mail was sent.
import { getConfig } from "../config/env";
import type { AppLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import { randomUUID } from "node:crypto";
import type { Tx } from "../db";
import { renderHtml, renderText } from "./layout";
import { mailDomain } from "./mailer";

export type AccountMailKind =
  "activation" | "passwordReset" | "invitation" | "staffInvitation" | "registrationPending" | "registrationExisting";

/** The page the mail's button opens, and whether its link carries a token. */
const links: Record<AccountMailKind, { path: string; token: boolean }> = {
  activation: { path: "activate", token: true },
  passwordReset: { path: "reset-password", token: true },
  invitation: { path: "reset-password", token: true },
  staffInvitation: { path: "reset-password", token: true },
  // Someone registered an address whose account was never confirmed: the owner may finish by
  // choosing the password (which activates it), whatever password the earlier attempt set.
  registrationPending: { path: "reset-password", token: true },
  // Someone registered an address that has an active account: nothing to confirm, only to sign in.
  registrationExisting: { path: "login", token: false },
};

/** Message keys under Email.<kind> of the paragraphs after the greeting. */
const paragraphs: Record<AccountMailKind, string[]> = {
  activation: ["intro", "expiry"],
  passwordReset: ["intro", "expiry"],
  invitation: ["intro", "expiry"],
  staffInvitation: ["intro", "expiry"],
  registrationPending: ["intro", "expiry"],
  registrationExisting: ["intro", "advice"],
};

export interface AccountMailTo {
  email: string;
  name: string;
  locale: AppLocale;
  organization?: string;
}

/** Writes the mail to the outbox (`db` may be the transaction of the change it tells of). The caller
 * calls kickOutbox() once that committed. */
export async function queueAccountMail(db: Tx, kind: AccountMailKind, to: AccountMailTo, token?: string): Promise<void> {
  const link = links[kind];
  if (link.token !== (token !== undefined)) throw new Error(`account mail "${kind}" ${link.token ? "needs" : "takes no"} token`);
  const t = translator(to.locale);
  const values = { organization: to.organization ?? "" };
  const query = token === undefined ? "" : `?token=${encodeURIComponent(token)}`;
  const url = `${getConfig().NEXTAUTH_URL}/${to.locale}/${link.path}${query}`;
  const body = {
    greeting: t("Email.greeting", { name: to.name }),
    paragraphs: paragraphs[kind].map((key) => t(`Email.${kind}.${key}`, values)),
    action: { label: t(`Email.${kind}.action`), url },
    footer: t("Email.footer"),
  };
  const id = randomUUID();
  // A Message-ID of Mesa's own: an auto-reply or a bounce that comes back carrying it is recognised.
  const messageId = `<account-${id}@${mailDomain()}>`;
  await db.outboxMail.create({
    data: {
      key: `account:${kind}:${id}`,
      messageId,
      toAddress: to.email,
      subject: t(`Email.${kind}.subject`, values),
      text: renderText(body),
      html: renderHtml(body, to.locale),
      headers: { messageId },
    },
  });
}
