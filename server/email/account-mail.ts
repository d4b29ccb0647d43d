// Account emails (activation, password reset), always in the recipient's own language.
import { getConfig } from "../config/env";
import type { AppLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import { renderHtml, renderText } from "./layout";
import { sendMail } from "./mailer";

type AccountMailKind = "activation" | "passwordReset";
const paths: Record<AccountMailKind, string> = { activation: "activate", passwordReset: "reset-password" };

export async function sendAccountMail(
  kind: AccountMailKind,
  to: { email: string; name: string; locale: AppLocale },
  token: string,
): Promise<void> {
  const t = translator(to.locale);
  const url = `${getConfig().NEXTAUTH_URL}/${to.locale}/${paths[kind]}?token=${encodeURIComponent(token)}`;
  const body = {
    greeting: t("Email.greeting", { name: to.name }),
    paragraphs: [t(`Email.${kind}.intro`), t(`Email.${kind}.expiry`)],
    action: { label: t(`Email.${kind}.action`), url },
    footer: t("Email.footer"),
  };
  await sendMail({ to: to.email, subject: t(`Email.${kind}.subject`), text: renderText(body), html: renderHtml(body, to.locale) });
}
