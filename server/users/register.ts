// Self-registration of a partner user: the account waits for its email to be confirmed.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import type { AppLocale } from "../i18n/locales";
import { hashPassword } from "../auth/password";
import { sendAccountMail } from "../email/account-mail";
import { consumeEmailToken, issueEmailToken } from "./email-tokens";

export interface Registration {
  email: string;
  name: string;
  password: string;
  locale: AppLocale;
}

export async function registerUser(db: Db, input: Registration, now: Date): Promise<void> {
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing?.activatedAt) throw new AppError("conflict", "emailTaken");
  const passwordHash = await hashPassword(input.password);
  const user = existing
    ? await db.user.update({ where: { id: existing.id }, data: { name: input.name, passwordHash, locale: input.locale } })
    : await db.user.create({
        data: {
          email: input.email,
          name: input.name,
          passwordHash,
          locale: input.locale,
          permissions: { create: { permission: "can_access_ticketing" } },
        },
      });
  const token = await issueEmailToken(db, user.id, "activation", now);
  await sendAccountMail("activation", user, token);
}

export async function activateAccount(db: Db, token: string, now: Date): Promise<{ email: string }> {
  const userId = await consumeEmailToken(db, token, "activation", now);
  const user = await db.user.update({ where: { id: userId }, data: { activatedAt: now } });
  return { email: user.email };
}
