// Account emails (activation, password reset), always in the recipient's own language.
import { getConfig } from "../config/env";
import type { AppLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import { renderHtml, renderText } from "./layout";
import { sendMail } from "./mailer";

type AccountMailKind = "activation" | "passwordReset" | "invitation";
const paths: Record<AccountMailKind, string> = { activation: "activate", passwordReset: "reset-password", invitation: "reset-password" };

export async function sendAccountMail(
  kind: AccountMailKind,
  to: { email: string; name: string; locale: AppLocale; organization?: string },
  token: string,
): Promise<void> {
  const t = translator(to.locale);
  const url = `${getConfig().NEXTAUTH_URL}/${to.locale}/${paths[kind]}?token=${encodeURIComponent(token)}`;
  const body = {
    greeting: t("Email.greeting", { name: to.name }),
    paragraphs: [t(`Email.${kind}.intro`, { organization: to.organization ?? "" }), t(`Email.${kind}.expiry`)],
    action: { label: t(`Email.${kind}.action`), url },
    footer: t("Email.footer"),
  };
  await sendMail({ to: to.email, subject: t(`Email.${kind}.subject`, { organization: to.organization ?? "" }), text: renderText(body), html: renderHtml(body, to.locale) });
}
