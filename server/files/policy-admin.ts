// The admin screen's view of attachments: the policy and which departments offer the
// sensitive-information box.
import type { Db } from "../db";
import { namedSelect } from "../departments/list";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import { loadAttachmentPolicy, saveAttachmentPolicy, type AttachmentPolicy } from "./policy";

/** The policy, and every department (named in the reader's language) with its sensitive box. */
export async function getAttachmentSettings(db: Db, locale: AppLocale) {
  const [policy, departments] = await Promise.all([
    loadAttachmentPolicy(db),
    db.department.findMany({ orderBy: { id: "asc" }, select: { ...namedSelect, sensitiveInfo: true } }),
  ]);
  return {
    policy,
    departments: departments.map((d) => ({
      id: d.id,
      name: localized(d.name, d.nameTranslations, locale),
      sensitiveInfo: d.sensitiveInfo,
    })),
  };
}

/** All or nothing: a refused department list leaves the policy as it was too. */
export async function setAttachmentSettings(
  db: Db,
  input: { policy: AttachmentPolicy; sensitiveDepartmentIds: number[] },
  locale: AppLocale,
) {
  await db.$transaction(async (tx) => {
    await saveAttachmentPolicy(tx, input.policy);
    await tx.department.updateMany({ where: { id: { in: input.sensitiveDepartmentIds } }, data: { sensitiveInfo: true } });
    await tx.department.updateMany({ where: { id: { notIn: input.sensitiveDepartmentIds } }, data: { sensitiveInfo: false } });
  });
  return getAttachmentSettings(db, locale);
}
