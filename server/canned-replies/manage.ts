// The management screen's use-cases: the canned replies an agent sees, and creating, editing and
// deleting those they may manage (server/canned-replies/scope.ts). Staff only.
import type { Db, Tx } from "../db";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { isStaff, type Principal } from "../access/principal";
import { locales, type AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import { namedSelect } from "../departments/list";
import { normalizeTag } from "../tickets/tags";
import type { CannedFields } from "./canned-fields";
import { mayManage, scopeOf, visibleCannedWhere } from "./scope";

export const cannedSelect = {
  id: true,
  shortcut: true,
  title: true,
  ownerId: true,
  departmentId: true,
  setStatus: true,
  setPriority: true,
  addTags: true,
  department: { select: namedSelect },
  texts: { select: { locale: true, body: true } },
} as const satisfies Prisma.CannedReplySelect;
export type CannedRow = Prisma.CannedReplyGetPayload<{ select: typeof cannedSelect }>;

function assertStaff(viewer: Principal) {
  if (!isStaff(viewer)) throw new AppError("forbidden");
}

/** Department names in the reader's language, each text by language ("" where there is none). */
function present(row: CannedRow, viewer: Principal, locale: AppLocale) {
  const texts = Object.fromEntries(locales.map((l) => [l, row.texts.find((t) => t.locale === l)?.body ?? ""])) as Record<AppLocale, string>;
  return {
    id: row.id,
    shortcut: row.shortcut,
    title: row.title,
    scope: scopeOf(row),
    department: row.department
      ? { id: row.department.id, name: localized(row.department.name, row.department.nameTranslations, locale) }
      : null,
    texts,
    setStatus: row.setStatus,
    setPriority: row.setPriority,
    addTags: row.addTags,
    canManage: mayManage(viewer, row),
  };
}

/** Everything the screen needs: the replies `viewer` sees, the departments they may share with, and
 * whether they may share with everyone. */
export async function listCanned(db: Db, viewer: Principal, locale: AppLocale) {
  assertStaff(viewer);
  const [rows, departments] = await Promise.all([
    db.cannedReply.findMany({ where: visibleCannedWhere(viewer), select: cannedSelect, orderBy: [{ shortcut: "asc" }, { id: "asc" }] }),
    db.department.findMany({
      where: viewer.role === "admin" ? { archivedAt: null } : { id: { in: viewer.departmentIds }, archivedAt: null },
      select: namedSelect,
      orderBy: { id: "asc" },
    }),
  ]);
  return {
    replies: rows.map((r) => present(r, viewer, locale)),
    departments: departments.map((d) => ({ id: d.id, name: localized(d.name, d.nameTranslations, locale) })),
    canShareWithEveryone: viewer.role === "admin",
  };
}

/** Where the reply lives once saved; refused when `viewer` may not put it there. */
async function placement(tx: Tx, viewer: Principal, fields: CannedFields) {
  if (fields.scope === "personal") return { ownerId: viewer.id, departmentId: null };
  if (fields.scope === "everyone") {
    if (viewer.role !== "admin") throw new AppError("forbidden", "cannedEveryoneForAdmins");
    return { ownerId: null, departmentId: null };
  }
  const departmentId = fields.departmentId!;
  const department = await tx.department.findUnique({ where: { id: departmentId }, select: { archivedAt: true } });
  if (!department) throw new AppError("invalid_input", "departmentUnknown");
  if (department.archivedAt) throw new AppError("invalid_input", "departmentArchived");
  if (viewer.role !== "admin" && !viewer.departmentIds.includes(departmentId)) throw new AppError("forbidden", "cannedDepartmentNotYours");
  return { ownerId: null, departmentId };
}

/** One shortcut per place: two personal "saludo" of one agent, or two in one department, would be
 * ambiguous in the reply box. */
async function assertShortcutFree(tx: Tx, place: { ownerId: string | null; departmentId: number | null }, shortcut: string, id?: number) {
  const taken = await tx.cannedReply.findFirst({ where: { ...place, shortcut, ...(id ? { id: { not: id } } : {}) }, select: { id: true } });
  if (taken) throw new AppError("conflict", "cannedShortcutTaken", { shortcut });
}

function columns(fields: CannedFields) {
  return {
    shortcut: fields.shortcut,
    title: fields.title,
    setStatus: fields.setStatus,
    setPriority: fields.setPriority,
    addTags: [...new Set(fields.addTags.map(normalizeTag).filter(Boolean))],
  };
}

const textRows = (fields: CannedFields) =>
  locales.filter((l) => fields.texts[l].trim()).map((locale) => ({ locale, body: fields.texts[locale].trim() }));

export async function createCanned(db: Db, viewer: Principal, fields: CannedFields) {
  assertStaff(viewer);
  return db.$transaction(async (tx) => {
    const place = await placement(tx, viewer, fields);
    await assertShortcutFree(tx, place, fields.shortcut);
    const row = await tx.cannedReply.create({
      data: { ...columns(fields), ...place, texts: { create: textRows(fields) } },
      select: { id: true },
    });
    return { id: row.id };
  });
}

/** The reply if `viewer` may manage it: one they cannot see is "not found", one they see but may
 * not change is refused. */
async function manageable(tx: Tx, viewer: Principal, id: number) {
  const row = await tx.cannedReply.findFirst({
    where: { AND: [{ id }, visibleCannedWhere(viewer)] },
    select: { ownerId: true, departmentId: true },
  });
  if (!row) throw new AppError("not_found", "cannedNotFound");
  if (!mayManage(viewer, row)) throw new AppError("forbidden", "cannedNotYours");
  return row;
}

export async function updateCanned(db: Db, viewer: Principal, id: number, fields: CannedFields) {
  assertStaff(viewer);
  return db.$transaction(async (tx) => {
    await manageable(tx, viewer, id);
    const place = await placement(tx, viewer, fields);
    await assertShortcutFree(tx, place, fields.shortcut, id);
    await tx.cannedReplyText.deleteMany({ where: { replyId: id } });
    await tx.cannedReply.update({ where: { id }, data: { ...columns(fields), ...place, texts: { create: textRows(fields) } } });
    return { id };
  });
}

export async function deleteCanned(db: Db, viewer: Principal, id: number) {
  assertStaff(viewer);
  return db.$transaction(async (tx) => {
    await manageable(tx, viewer, id);
    await tx.cannedReply.delete({ where: { id } });
    return { ok: true as const };
  });
}
