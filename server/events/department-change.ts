// A transfer's history line names the departments in the reader's language: the event keeps the
// departments' ids in `detail` ("departments:3>5") beside their default-language names, and the
// ticket's thread swaps the names for the reader's. Events written before the ids were kept show
// the names they stored.
import type { Db } from "../db";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";

const IDS = /^departments:(\d+)>(\d+)$/;

/** The `detail` a department_changed event keeps. */
export const departmentChangeDetail = (fromId: number, toId: number) => `departments:${fromId}>${toId}`;

type WithEvent = { event: { kind: string; before: string | null; after: string | null; detail: string | null } | null };

/** The thread's messages with each transfer's departments named in `locale` (one query for all). */
export async function localizeDepartmentChanges<M extends WithEvent>(db: Db, messages: M[], locale: AppLocale): Promise<M[]> {
  const ids = new Set<number>();
  for (const m of messages) {
    const match = m.event?.kind === "department_changed" ? IDS.exec(m.event.detail ?? "") : null;
    if (match) [match[1], match[2]].forEach((id) => ids.add(Number(id)));
  }
  if (ids.size === 0) return messages;
  const rows = await db.department.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true, nameTranslations: true } });
  const names = new Map(rows.map((d) => [d.id, localized(d.name, d.nameTranslations, locale)]));
  return messages.map((m) => {
    const match = m.event?.kind === "department_changed" ? IDS.exec(m.event.detail ?? "") : null;
    if (!match || !m.event) return m;
    const event = {
      ...m.event,
      before: names.get(Number(match[1])) ?? m.event.before,
      after: names.get(Number(match[2])) ?? m.event.after,
      detail: null,
    };
    return { ...m, event };
  });
}
