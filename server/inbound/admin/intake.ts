// Tickets by mail, per department (Administración › Entrada por correo): who may open one by writing
// to the department (off: a refusal pointing to the panel, seed 002; known_contacts: members and
// authorized contacts, seed 004; anyone, seed 003), what a mailed reply to a closed ticket does, and
// the addresses that lead to the department (each with an optional default category of its own).
// An address belongs to one department only: it is what decides where a mail goes.
import type { Db } from "../../db";
import type { ClosedReplyPolicy, IntakePolicy } from "../../db/generated/enums";
import { AppError } from "../../errors/app-error";
import { namedSelect } from "../../departments/list";
import type { AppLocale } from "../../i18n/locales";
import { localized } from "../../i18n/localized";

const named = (n: { id: number; name: string; nameTranslations: unknown }, locale: AppLocale) => ({
  id: n.id,
  name: localized(n.name, n.nameTranslations, locale),
});
const byName = (locale: AppLocale) => (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, locale);

/** Every department with its policies, categories and intake addresses; departments and categories
 * named in the reader's language and in its alphabetical order. */
export async function intakeOverview(db: Db, locale: AppLocale) {
  const departments = await db.department.findMany({
    select: {
      ...namedSelect,
      mailIntake: true,
      closedReply: true,
      categories: { select: namedSelect },
      intakeAddresses: {
        select: { id: true, address: true, category: { select: namedSelect } },
        orderBy: { address: "asc" },
      },
    },
  });
  return {
    departments: departments
      .map(({ intakeAddresses, categories, ...d }) => ({
        ...named(d, locale),
        mailIntake: d.mailIntake,
        closedReply: d.closedReply,
        categories: categories.map((c) => named(c, locale)).sort(byName(locale)),
        addresses: intakeAddresses.map((a) => ({ id: a.id, address: a.address, category: a.category && named(a.category, locale) })),
      }))
      .sort(byName(locale)),
  };
}

async function assertDepartment(db: Db, id: number): Promise<void> {
  const department = await db.department.findUnique({ where: { id }, select: { id: true } });
  if (!department) throw new AppError("not_found", "departmentUnknown");
}

export async function setIntakePolicy(
  db: Db,
  input: { departmentId: number; mailIntake: IntakePolicy; closedReply: ClosedReplyPolicy },
): Promise<{ departmentId: number; mailIntake: IntakePolicy; closedReply: ClosedReplyPolicy }> {
  await assertDepartment(db, input.departmentId);
  const row = await db.department.update({
    where: { id: input.departmentId },
    data: { mailIntake: input.mailIntake, closedReply: input.closedReply },
    select: { id: true, mailIntake: true, closedReply: true },
  });
  return { departmentId: row.id, mailIntake: row.mailIntake, closedReply: row.closedReply };
}

/** The refusal of an address another department (or this one) already has, naming that department
 * in the reader's language. */
async function taken(db: Db, address: string, locale: AppLocale): Promise<AppError> {
  const holder = await db.intakeAddress.findUnique({ where: { address }, select: { department: { select: namedSelect } } });
  const department = holder ? localized(holder.department.name, holder.department.nameTranslations, locale) : "—";
  return new AppError("conflict", "intakeAddressTaken", { address, department });
}

/** Adds an address (already lower-cased by the schema) to a department, with an optional default
 * category that must be the department's (named in the reader's language in the answer). */
export async function addIntakeAddress(
  db: Db,
  input: { departmentId: number; address: string; categoryId: number | null },
  locale: AppLocale,
) {
  await assertDepartment(db, input.departmentId);
  if (input.categoryId !== null) {
    const category = await db.category.findUnique({ where: { id: input.categoryId }, select: { departmentId: true } });
    if (!category) throw new AppError("invalid_input", "categoryUnknown");
    if (category.departmentId !== input.departmentId) throw new AppError("invalid_input", "categoryNotInDepartment");
  }
  if (await db.intakeAddress.findUnique({ where: { address: input.address }, select: { id: true } }))
    throw await taken(db, input.address, locale);
  try {
    const created = await db.intakeAddress.create({
      data: { address: input.address, departmentId: input.departmentId, categoryId: input.categoryId },
      select: { id: true, address: true, departmentId: true, category: { select: namedSelect } },
    });
    return { ...created, category: created.category && named(created.category, locale) };
  } catch (error) {
    // Two admins adding the same address at once: the unique index decides, with the same refusal.
    if ((error as { code?: string }).code === "P2002") throw await taken(db, input.address, locale);
    throw error;
  }
}

export async function removeIntakeAddress(db: Db, id: number): Promise<void> {
  const { count } = await db.intakeAddress.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("not_found");
}
