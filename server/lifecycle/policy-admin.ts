// The automation policy as admins keep it: the deployment's row (every field set) and, per
// department, an optional row whose non-null fields override it (null: inherit). What applies to a
// ticket is the merge in ./policy.ts; this file reads and writes the rows and shows that merge.
// Nothing is stored per ticket: the tick and the ticket page derive due dates from the policy each
// time, so a change applies from the next tick on.
import type { Db } from "../db";
import type { AutomationPolicy, Prisma } from "../db/generated/client";
import { AppError } from "../errors/app-error";
import { namedSelect } from "../departments/list";
import type { AppLocale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import { loadPolicies, type Policy } from "./policy";

/** The policy as the form shows it: one flat field per column. */
export interface PolicySettings {
  autoResolveDays: number;
  autoCloseDays: number;
  autoCloseUnit: Policy["autoCloseUnit"];
  customerMayClose: Policy["customerMayClose"];
  mailCreated: boolean;
  mailEscalated: boolean;
  mailResolved: boolean;
  mailClosed: boolean;
  mailAgentReply: boolean;
  mailAutoResolved: boolean;
}

/** A department's own row: null inherits the deployment's value. */
export type PolicyOverride = { [K in keyof PolicySettings]: PolicySettings[K] | null };

export const policyFieldNames = [
  "autoResolveDays",
  "autoCloseDays",
  "autoCloseUnit",
  "customerMayClose",
  "mailCreated",
  "mailEscalated",
  "mailResolved",
  "mailClosed",
  "mailAgentReply",
  "mailAutoResolved",
] as const satisfies readonly (keyof PolicySettings)[];

export interface DepartmentPolicy {
  id: number;
  name: string;
  /** null: the department has no row of its own and inherits everything. */
  override: PolicyOverride | null;
  effective: PolicySettings;
}

export interface AutomationOverview {
  deployment: PolicySettings;
  departments: DepartmentPolicy[];
}

const flat = (p: Policy): PolicySettings => ({
  autoResolveDays: p.autoResolveDays,
  autoCloseDays: p.autoCloseDays,
  autoCloseUnit: p.autoCloseUnit,
  customerMayClose: p.customerMayClose,
  mailCreated: p.mail.created,
  mailEscalated: p.mail.escalated,
  mailResolved: p.mail.resolved,
  mailClosed: p.mail.closed,
  mailAgentReply: p.mail.agentReply,
  mailAutoResolved: p.mail.autoResolved,
});

const overrideOf = (row: AutomationPolicy): PolicyOverride =>
  Object.fromEntries(policyFieldNames.map((k) => [k, row[k]])) as PolicyOverride;

const inheritsAll = (o: PolicyOverride) => policyFieldNames.every((k) => o[k] === null);

/** The deployment's policy, and every department (named in the reader's language) with its own row
 * (if any) and what applies to it. */
export async function getAutomationPolicies(db: Db, locale: AppLocale): Promise<AutomationOverview> {
  const [policies, departments, rows] = await Promise.all([
    loadPolicies(db),
    db.department.findMany({ orderBy: { id: "asc" }, select: namedSelect }),
    db.automationPolicy.findMany({ where: { departmentId: { not: null } } }),
  ]);
  const rowOf = new Map(rows.map((r) => [r.departmentId!, r]));
  return {
    deployment: flat(policies.deployment),
    departments: departments.map((d) => {
      const row = rowOf.get(d.id);
      return {
        id: d.id,
        name: localized(d.name, d.nameTranslations, locale),
        override: row ? overrideOf(row) : null,
        effective: flat(policies.forDepartment(d.id)),
      };
    }),
  };
}

/** Replaces the deployment's policy (every field). PostgreSQL lets NULLs repeat in the unique
 * index, so the one row with no department is found rather than upserted; migration 0004 inserts
 * it, and a deployment that lost it gets it back. */
export async function setDeploymentPolicy(db: Db, settings: PolicySettings): Promise<PolicySettings> {
  // Only the policy's columns, whatever else the caller's object carries.
  const data = Object.fromEntries(policyFieldNames.map((k) => [k, settings[k]])) as unknown as PolicySettings;
  await db.$transaction(async (tx) => {
    const row = await tx.automationPolicy.findFirst({ where: { departmentId: null }, orderBy: { id: "asc" }, select: { id: true } });
    if (row) await tx.automationPolicy.update({ where: { id: row.id }, data });
    else await tx.automationPolicy.create({ data: { ...data, departmentId: null } });
  });
  return flat((await loadPolicies(db)).deployment);
}

async function departmentPolicy(db: Db, departmentId: number, locale: AppLocale): Promise<DepartmentPolicy> {
  const overview = await getAutomationPolicies(db, locale);
  const found = overview.departments.find((d) => d.id === departmentId);
  if (!found) throw new AppError("not_found", "departmentUnknown");
  return found;
}

async function assertDepartment(db: Db, departmentId: number): Promise<void> {
  const department = await db.department.findUnique({ where: { id: departmentId }, select: { id: true } });
  if (!department) throw new AppError("not_found", "departmentUnknown");
}

/** Replaces a department's override as a whole: each null (or left-out) field inherits the
 * deployment's value. An override that sets nothing is no row at all. */
export async function setDepartmentPolicy(
  db: Db,
  departmentId: number,
  override: Partial<PolicyOverride>,
  locale: AppLocale,
): Promise<DepartmentPolicy> {
  await assertDepartment(db, departmentId);
  const data = Object.fromEntries(policyFieldNames.map((k) => [k, override[k] ?? null])) as PolicyOverride;
  if (inheritsAll(data)) {
    await db.automationPolicy.deleteMany({ where: { departmentId } });
  } else {
    const fields = data as Prisma.AutomationPolicyUncheckedUpdateInput;
    const write = () => db.automationPolicy.upsert({ where: { departmentId }, create: { ...data, departmentId }, update: fields });
    try {
      await write();
    } catch (error) {
      // Two admins creating the department's row at once: the loser updates the winner's row.
      if ((error as { code?: string }).code !== "P2002") throw error;
      await write();
    }
  }
  return departmentPolicy(db, departmentId, locale);
}

/** Removes a department's override: it follows the deployment's policy again. */
export async function clearDepartmentPolicy(db: Db, departmentId: number, locale: AppLocale): Promise<DepartmentPolicy> {
  await assertDepartment(db, departmentId);
  await db.automationPolicy.deleteMany({ where: { departmentId } });
  return departmentPolicy(db, departmentId, locale);
}
