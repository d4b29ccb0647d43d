// Tickets by mail, per department (Administración › Entrada por correo): who may open one by writing
// to the department (off: a refusal pointing to the panel, seed 002; known_contacts: members and
// authorized contacts, seed 004; anyone, seed 003), what a mailed reply to a closed ticket does, and
// the addresses that lead to the department (each with an optional default category of its own).
// An address belongs to one department only: it is what decides where a mail goes.
import type { Db } from "../../db";
import type { ClosedReplyPolicy, IntakePolicy } from "../../db/generated/enums";
import { AppError } from "../../errors/app-error";

/** Every department with its policies, categories and intake addresses. */
export async function intakeOverview(db: Db) {
  const departments = await db.department.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      mailIntake: true,
      closedReply: true,
      categories: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      intakeAddresses: {
        select: { id: true, address: true, category: { select: { id: true, name: true } } },
        orderBy: { address: "asc" },
      },
    },
  });
  return {
    departments: departments.map(({ intakeAddresses, ...d }) => ({ ...d, addresses: intakeAddresses })),
  };
}

async function departmentName(db: Db, id: number): Promise<string> {
  const department = await db.department.findUnique({ where: { id }, select: { name: true } });
  if (!department) throw new AppError("not_found", "departmentUnknown");
  return department.name;
}

export async function setIntakePolicy(
  db: Db,
  input: { departmentId: number; mailIntake: IntakePolicy; closedReply: ClosedReplyPolicy },
): Promise<{ departmentId: number; mailIntake: IntakePolicy; closedReply: ClosedReplyPolicy }> {
  await departmentName(db, input.departmentId);
  const row = await db.department.update({
    where: { id: input.departmentId },
    data: { mailIntake: input.mailIntake, closedReply: input.closedReply },
    select: { id: true, mailIntake: true, closedReply: true },
  });
  return { departmentId: row.id, mailIntake: row.mailIntake, closedReply: row.closedReply };
}

/** The refusal of an address another department (or this one) already has. */
async function taken(db: Db, address: string): Promise<AppError> {
  const holder = await db.intakeAddress.findUnique({ where: { address }, select: { department: { select: { name: true } } } });
  return new AppError("conflict", "intakeAddressTaken", { address, department: holder?.department.name ?? "—" });
}

/** Adds an address (already lower-cased by the schema) to a department, with an optional default
 * category that must be the department's. */
export async function addIntakeAddress(db: Db, input: { departmentId: number; address: string; categoryId: number | null }) {
  await departmentName(db, input.departmentId);
  if (input.categoryId !== null) {
    const category = await db.category.findUnique({ where: { id: input.categoryId }, select: { departmentId: true } });
    if (!category) throw new AppError("invalid_input", "categoryUnknown");
    if (category.departmentId !== input.departmentId) throw new AppError("invalid_input", "categoryNotInDepartment");
  }
  if (await db.intakeAddress.findUnique({ where: { address: input.address }, select: { id: true } })) throw await taken(db, input.address);
  try {
    return await db.intakeAddress.create({
      data: { address: input.address, departmentId: input.departmentId, categoryId: input.categoryId },
      select: { id: true, address: true, departmentId: true, category: { select: { id: true, name: true } } },
    });
  } catch (error) {
    // Two admins adding the same address at once: the unique index decides, with the same refusal.
    if ((error as { code?: string }).code === "P2002") throw await taken(db, input.address);
    throw error;
  }
}

export async function removeIntakeAddress(db: Db, id: number): Promise<void> {
  const { count } = await db.intakeAddress.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("not_found");
}
