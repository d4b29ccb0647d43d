// How a mailbox signs in: its sealed password, or (OAuth2) a current access token for XOAUTH2 /
// OAUTHBEARER. Opened only at the moment of connecting; nothing is kept in plain text elsewhere.
import type { Db } from "../../db";
import type { Mailbox } from "../../db/generated/client";
import { openSecret } from "../../sensitive/secret-box";
import { mailboxAccessToken } from "./oauth2";

export type MailboxLogin =
  | { user: string; pass: string; accessToken?: undefined; usableUntil?: undefined }
  | { user: string; accessToken: string; pass?: undefined; /** When the token stops being used (ms since epoch). */ usableUntil: number };

export async function mailboxLogin(db: Db, mailbox: Pick<Mailbox, "id" | "auth" | "username" | "passwordSealed">): Promise<MailboxLogin> {
  if (mailbox.auth === "oauth2") {
    const token = await mailboxAccessToken(db, mailbox.id);
    return { user: mailbox.username, accessToken: token.accessToken, usableUntil: token.usableUntil };
  }
  if (!mailbox.passwordSealed) throw new Error("No password is set for this mailbox.");
  return { user: mailbox.username, pass: openSecret(mailbox.passwordSealed, `mailbox:${mailbox.id}:password`) };
}
