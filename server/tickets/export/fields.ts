// The columns a person may export. Sensitive information is never among them.
import type { Prisma } from "../../db/generated/client";
import type { AppLocale } from "../../i18n/locales";
import { translator, type Translate } from "../../i18n/translate";
import { localized } from "../../i18n/localized";
import { formatTicketNumber } from "../../domain/numbering";

export const exportSelect = {
  id: true,
  number: true,
  subject: true,
  status: true,
  priority: true,
  type: true,
  channel: true,
  createdAt: true,
  updatedAt: true,
  resolvedAt: true,
  closedAt: true,
  department: { select: { name: true, nameTranslations: true } },
  category: { select: { name: true, nameTranslations: true } },
  organization: { select: { name: true } },
  requester: { select: { name: true, email: true } },
  assignee: { select: { name: true } },
  services: { select: { service: { select: { name: true } } } },
  tags: { select: { tag: { select: { name: true } } } },
} as const satisfies Prisma.TicketSelect;
export type ExportRow = Prisma.TicketGetPayload<{ select: typeof exportSelect }>;

type Cell = string | Date | null;
const fieldValues = {
  number: (r: ExportRow) => formatTicketNumber(r.number),
  subject: (r: ExportRow) => r.subject,
  status: (r: ExportRow, t: ReturnType<typeof translator>) => t(`Statuses.${r.status}`),
  priority: (r: ExportRow, t: ReturnType<typeof translator>) => t(`Priorities.${r.priority}`),
  type: (r: ExportRow, t: ReturnType<typeof translator>) => t(`TicketTypes.${r.type}`),
  department: (r: ExportRow, _t: Translate, locale: AppLocale) => localized(r.department.name, r.department.nameTranslations, locale),
  category: (r: ExportRow, _t: Translate, locale: AppLocale) =>
    r.category ? localized(r.category.name, r.category.nameTranslations, locale) : null,
  organization: (r: ExportRow) => r.organization?.name ?? null,
  services: (r: ExportRow) => r.services.map((s) => s.service.name).join(", "),
  requester: (r: ExportRow) => `${r.requester.name} <${r.requester.email}>`,
  assignee: (r: ExportRow) => r.assignee?.name ?? null,
  channel: (r: ExportRow) => r.channel,
  createdAt: (r: ExportRow) => r.createdAt,
  updatedAt: (r: ExportRow) => r.updatedAt,
  resolvedAt: (r: ExportRow) => r.resolvedAt,
  closedAt: (r: ExportRow) => r.closedAt,
  /** Staff only: a customer's export leaves the column out (exportTickets). */
  tags: (r: ExportRow) =>
    r.tags
      .map((t) => t.tag.name)
      .sort((a, b) => a.localeCompare(b))
      .join(", "),
} satisfies Record<string, (r: ExportRow, t: Translate, locale: AppLocale) => Cell>;

export type ExportField = keyof typeof fieldValues;
/** Columns only support may export. */
export const staffOnlyExportFields: ReadonlySet<ExportField> = new Set<ExportField>(["tags"]);
export const exportFields = Object.keys(fieldValues) as [ExportField, ...ExportField[]];

export function headerRow(fields: readonly ExportField[], locale: AppLocale): string[] {
  const t = translator(locale);
  return fields.map((f) => t(`Export.fields.${f}`));
}

/** The cells of a row for `fields`, as a function made once per export: one translator, and each
 * status, priority and type label translated once rather than once per row. */
export function rowValues(fields: readonly ExportField[], locale: AppLocale): (row: ExportRow) => Cell[] {
  const translate = translator(locale);
  const labels = new Map<string, string>();
  const t: Translate = (key, values) => {
    if (values) return translate(key, values);
    let label = labels.get(key);
    if (label === undefined) labels.set(key, (label = translate(key)));
    return label;
  };
  const getters = fields.map((f) => fieldValues[f]);
  return (row) => getters.map((get) => get(row, t, locale));
}
