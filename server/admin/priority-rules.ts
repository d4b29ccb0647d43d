// The priority rule table as admins keep it: (type, category) → priority, null meaning "any". At
// most one rule per pair, nulls included: PostgreSQL's unique index lets NULLs repeat, so saving a
// rule for an existing pair updates it, under a lock so two admins saving the same pair at once
// cannot both insert. Which rule applies to a ticket is server/domain/priority-rules.ts.
import type { Db, Tx } from "../db";
import type { Prisma } from "../db/generated/client";
import type { Priority, TicketType } from "../db/generated/enums";
import { AppError } from "../errors/app-error";
import { listDepartments, namedSelect } from "../departments/list";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import { defaultPriorityPolicy, ticketTypes, type PriorityPolicy } from "../domain/priority-rules";

/** Serialises writers of the rule table (any constant unique to this use). */
const RULES_LOCK = 7_441_101;

export interface PriorityRuleChange {
  type: TicketType | null;
  categoryId: number | null;
  priority: Priority;
}

const ruleSelect = {
  id: true,
  type: true,
  categoryId: true,
  priority: true,
  category: { select: { ...namedSelect, department: { select: namedSelect } } },
} as const satisfies Prisma.PriorityRuleSelect;

/** The rules, general ones first (any category, then by department and category), and the
 * departments with their categories for the form. */
export async function listPriorityRules(db: Db, locale: AppLocale) {
  const [rows, departments] = await Promise.all([db.priorityRule.findMany({ select: ruleSelect }), listDepartments(db, locale)]);
  const name = (n: { name: string; nameTranslations: unknown }) => localized(n.name, n.nameTranslations, locale);
  const rules = rows.map(({ category, ...r }) => ({
    ...r,
    category: category && {
      id: category.id,
      name: name(category),
      department: { id: category.department.id, name: name(category.department) },
    },
  }));
  const typeRank = (t: TicketType | null) => (t === null ? -1 : ticketTypes.indexOf(t));
  rules.sort(
    (a, b) =>
      (a.category ? 1 : 0) - (b.category ? 1 : 0) ||
      (a.category?.department.name ?? "").localeCompare(b.category?.department.name ?? "") ||
      (a.category?.name ?? "").localeCompare(b.category?.name ?? "") ||
      typeRank(a.type) - typeRank(b.type),
  );
  return { rules, departments };
}

/** Creates the rule for (type, category), or changes its priority when the pair has one. */
export async function savePriorityRule(db: Db, change: PriorityRuleChange) {
  if (change.categoryId !== null && !(await db.category.findUnique({ where: { id: change.categoryId }, select: { id: true } }))) {
    throw new AppError("invalid_input", "categoryUnknown");
  }
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RULES_LOCK})`;
    const existing = await tx.priorityRule.findFirst({ where: { type: change.type, categoryId: change.categoryId }, select: { id: true } });
    const rule = existing
      ? await tx.priorityRule.update({ where: { id: existing.id }, data: { priority: change.priority }, select: ruleSelect })
      : await tx.priorityRule.create({ data: change, select: ruleSelect });
    return { rule, created: !existing };
  });
}

/** Removing a rule that is already gone is not an error (two admins may remove it together). */
export async function removePriorityRule(db: Db, id: number): Promise<void> {
  await db.priorityRule.deleteMany({ where: { id } });
}

/** Who sets a new ticket's priority: the rule table (seed 000, the default) or the customer, who
 * picks low, medium or urgent (seed 002). Agents may change it afterwards either way. */
export async function loadPriorityPolicy(db: Db | Tx): Promise<PriorityPolicy> {
  const row = await db.priorityPolicy.findUnique({ where: { id: 1 } });
  return row ? { mode: row.mode, fallback: row.fallback } : defaultPriorityPolicy;
}

export async function savePriorityPolicy(db: Db, policy: PriorityPolicy): Promise<PriorityPolicy> {
  const row = await db.priorityPolicy.upsert({ where: { id: 1 }, create: { id: 1, ...policy }, update: policy });
  return { mode: row.mode, fallback: row.fallback };
}
