// The canned replies offered in one ticket's reply box, each already filled for that ticket: the
// body in the requester's language (server/canned-replies/pick-text.ts) with its placeholders
// replaced, the unknown ones listed, and what it also does as a macro.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { findVisibleTicket } from "../access/find-visible";
import { isStaff, type Principal } from "../access/principal";
import { getConfig } from "../config/env";
import { formatTicketNumber } from "../domain/numbering";
import { contentLocale, localized } from "../i18n/localized";
import type { AppLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import { cannedSelect } from "./manage";
import { pickText } from "./pick-text";
import { fillPlaceholders, firstName, type PlaceholderValues } from "./placeholders";
import { scopeOf, visibleCannedWhere } from "./scope";

/** Every placeholder's value for this ticket, written for its requester (in their language). */
async function valuesFor(db: Db, viewer: Principal, ticketId: string) {
  const ticket = await db.ticket.findUniqueOrThrow({
    where: { id: ticketId },
    select: {
      number: true,
      subject: true,
      status: true,
      priority: true,
      requester: { select: { name: true, email: true, locale: true } },
      organization: { select: { name: true } },
      department: { select: { name: true, nameTranslations: true } },
    },
  });
  const locale = ticket.requester.locale as AppLocale;
  const t = translator(locale);
  const number = formatTicketNumber(ticket.number);
  const values: PlaceholderValues = {
    "cliente.nombre": ticket.requester.name,
    "cliente.primer_nombre": firstName(ticket.requester.name),
    "cliente.email": ticket.requester.email,
    "organizacion.nombre": ticket.organization?.name ?? "",
    "ticket.numero": number,
    "ticket.asunto": ticket.subject,
    "ticket.estado": t(`Statuses.${ticket.status}`),
    "ticket.prioridad": t(`Priorities.${ticket.priority}`),
    "ticket.departamento": localized(ticket.department.name, ticket.department.nameTranslations, locale),
    "ticket.enlace": `${getConfig().NEXTAUTH_URL}/${locale}/tickets/${number}`,
    "agente.nombre": viewer.name,
    "agente.primer_nombre": firstName(viewer.name),
  };
  return { locale, values };
}

export async function cannedForTicket(db: Db, viewer: Principal, ref: string, readerLocale: AppLocale) {
  if (!isStaff(viewer)) throw new AppError("forbidden");
  const ticket = await findVisibleTicket(db, viewer, ref);
  const [{ locale, values }, rows] = await Promise.all([
    valuesFor(db, viewer, ticket.id),
    db.cannedReply.findMany({ where: visibleCannedWhere(viewer), select: cannedSelect, orderBy: [{ shortcut: "asc" }, { id: "asc" }] }),
  ]);
  return rows.flatMap((row) => {
    const text = pickText(row.texts, locale, contentLocale());
    if (!text) return [];
    const { text: body, unknown } = fillPlaceholders(text.body, values);
    return [
      {
        id: row.id,
        shortcut: row.shortcut,
        title: row.title,
        scope: scopeOf(row),
        department: row.department ? localized(row.department.name, row.department.nameTranslations, readerLocale) : null,
        locale: text.locale,
        body,
        unknown,
        setStatus: row.setStatus,
        setPriority: row.setPriority,
        addTags: row.addTags,
      },
    ];
  });
}
