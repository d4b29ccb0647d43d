// "Escalar" tells support: every agent of the ticket's department (or the admins when it has none)
// gets a mail in their own language. A failed send is logged, never lost silently.
import type { Db } from "../db";
import { getConfig } from "../config/env";
import { formatTicketNumber } from "../tickets/numbering";
import { translator } from "../i18n/translate";
import { renderHtml, renderText } from "./layout";
import { sendMail } from "./mailer";

export async function notifyEscalation(
  db: Db,
  ticket: { id: string; number: number; departmentId: number; subject: string },
  by: { name: string; reason: string },
): Promise<void> {
  const agents = await db.user.findMany({ where: { role: "agent", departments: { some: { departmentId: ticket.departmentId } } } });
  const recipients = agents.length ? agents : await db.user.findMany({ where: { role: "admin" } });
  const reference = formatTicketNumber(ticket.number);
  for (const to of recipients) {
    const t = translator(to.locale);
    const body = {
      greeting: t("Email.greeting", { name: to.name }),
      paragraphs: [t("Email.escalated.intro", { reference, subject: ticket.subject, name: by.name }), by.reason],
      action: { label: t("Email.escalated.action"), url: `${getConfig().NEXTAUTH_URL}/${to.locale}/tickets/${reference}` },
      footer: t("Email.footer"),
    };
    try {
      await sendMail({ to: to.email, subject: t("Email.escalated.subject", { reference, subject: ticket.subject }), text: renderText(body), html: renderHtml(body, to.locale) });
    } catch (error) {
      console.error(`[mail] escalation of ${reference} to ${to.email} failed:`, error);
    }
  }
}
