// The automation policy that applies to a ticket: the deployment's row, with the fields its
// department's row sets laid over it.
import type { Db } from "../db";
import type { AutomationPolicy } from "../db/generated/client";
import type { Tx } from "../db";
import type { LifecyclePolicy } from "../domain/state-machine";

export interface Policy {
  autoResolveDays: number;
  autoCloseDays: number;
  autoCloseUnit: "calendar" | "business";
  customerMayClose: "after_resolved" | "any_time";
  mail: { created: boolean; escalated: boolean; resolved: boolean; closed: boolean; agentReply: boolean; autoResolved: boolean };
}

/** Seed 000 / 001 defaults, used if the deployment row were ever missing. */
export const defaultPolicy: Policy = {
  autoResolveDays: 5,
  autoCloseDays: 7,
  autoCloseUnit: "calendar",
  customerMayClose: "after_resolved",
  mail: { created: true, escalated: true, resolved: true, closed: true, agentReply: true, autoResolved: true },
};

function merge(base: Policy, row: AutomationPolicy | null | undefined): Policy {
  if (!row) return base;
  return {
    autoResolveDays: row.autoResolveDays ?? base.autoResolveDays,
    autoCloseDays: row.autoCloseDays ?? base.autoCloseDays,
    autoCloseUnit: row.autoCloseUnit ?? base.autoCloseUnit,
    customerMayClose: row.customerMayClose ?? base.customerMayClose,
    mail: {
      created: row.mailCreated ?? base.mail.created,
      escalated: row.mailEscalated ?? base.mail.escalated,
      resolved: row.mailResolved ?? base.mail.resolved,
      closed: row.mailClosed ?? base.mail.closed,
      agentReply: row.mailAgentReply ?? base.mail.agentReply,
      autoResolved: row.mailAutoResolved ?? base.mail.autoResolved,
    },
  };
}

/** Every policy at once (the tick looks at many tickets): the deployment's, one per department
 * that overrides it, and all of them together (`all`). */
export async function loadPolicies(
  db: Db | Tx,
): Promise<{ deployment: Policy; all: Policy[]; forDepartment: (departmentId: number) => Policy }> {
  const rows = await db.automationPolicy.findMany();
  const deployment = merge(
    defaultPolicy,
    rows.find((r) => r.departmentId === null),
  );
  const byDepartment = new Map(rows.filter((r) => r.departmentId !== null).map((r) => [r.departmentId!, merge(deployment, r)]));
  return { deployment, all: [deployment, ...byDepartment.values()], forDepartment: (id) => byDepartment.get(id) ?? deployment };
}

export async function policyFor(db: Db | Tx, departmentId: number): Promise<Policy> {
  return (await loadPolicies(db)).forDepartment(departmentId);
}

export const lifecyclePolicy = (policy: Policy): LifecyclePolicy => ({ customerMayClose: policy.customerMayClose });
