// New tickets by mail: the recipient address decides the department (and its default category), the
// department's intake policy decides who may open one there (seeds 002, 003, 004), and what the
// ticket belongs to (the sender's organization, or the one that authorized them as a contact).
import type { Db } from "../db";
import { isStaff, type Principal } from "../access/principal";
import type { IntakePolicy } from "../db/generated/enums";

export interface Intake {
  address: string;
  departmentId: number;
  departmentName: string;
  /** The department's names in other languages (server/i18n/localized.ts). */
  departmentTranslations: unknown;
  categoryId: number | null;
  policy: IntakePolicy;
}

/** The first recipient that is an intake address. */
export async function intakeFor(db: Db, recipients: string[]): Promise<Intake | null> {
  if (!recipients.length) return null;
  const found = await db.intakeAddress.findMany({
    where: { address: { in: recipients } },
    select: {
      address: true,
      departmentId: true,
      categoryId: true,
      department: { select: { name: true, nameTranslations: true, mailIntake: true } },
    },
  });
  const first = recipients.map((r) => found.find((f) => f.address === r)).find(Boolean);
  return first
    ? {
        address: first.address,
        departmentId: first.departmentId,
        departmentName: first.department.name,
        departmentTranslations: first.department.nameTranslations,
        categoryId: first.categoryId,
        policy: first.department.mailIntake,
      }
    : null;
}

export interface Admitted {
  allowed: true;
  organizationId: string | null;
  categoryId: number | null;
}
export type Admission = Admitted | { allowed: false };

/** Whether `sender` may open a ticket through this intake under `known_contacts` (members of an
 * organization, staff, and authorized contacts for the category), and for which organization. */
export async function admitKnownContact(db: Db, sender: Principal | null, intake: Intake): Promise<Admission> {
  if (!sender) return { allowed: false };
  if (isStaff(sender)) return { allowed: true, organizationId: null, categoryId: intake.categoryId };
  const org = sender.organizations[0];
  if (org) return { allowed: true, organizationId: org.id, categoryId: intake.categoryId };
  const departmentCategories =
    intake.categoryId === null
      ? (await db.category.findMany({ where: { departmentId: intake.departmentId }, select: { id: true } })).map((c) => c.id)
      : [intake.categoryId];
  for (const contact of sender.contacts) {
    const allowed = departmentCategories.find((id) => contact.categoryIds.includes(id));
    if (allowed !== undefined) return { allowed: true, organizationId: contact.organizationId, categoryId: allowed };
  }
  return { allowed: false };
}

/** `anyone`: the sender's own organization when they have one. */
export const admitAnyone = (sender: Principal, intake: Intake): Admitted => ({
  allowed: true,
  organizationId: isStaff(sender) ? null : (sender.organizations[0]?.id ?? null),
  categoryId: intake.categoryId,
});
