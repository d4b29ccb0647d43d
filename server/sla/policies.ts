// SLA targets per priority, as admins read and change them (business minutes). A change applies to
// the open tickets of that priority at once: their stored deadlines are re-derived.
import type { Db } from "../db";
import type { Priority } from "../db/generated/enums";
import { priorities } from "../domain/priority-rules";
import { refreshOpenTicketsSla } from "./refresh-all";

export interface SlaPolicyRow {
  priority: Priority;
  /** null: no policy stored for this priority (its tickets run no SLA clock). */
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
}

/** All five priorities, low → critical. */
export async function listSlaPolicies(db: Db): Promise<SlaPolicyRow[]> {
  const rows = await db.slaPolicy.findMany();
  return priorities.map((priority) => {
    const row = rows.find((r) => r.priority === priority);
    return { priority, firstResponseMinutes: row?.firstResponseMinutes ?? null, resolutionMinutes: row?.resolutionMinutes ?? null };
  });
}

export async function setSlaPolicy(
  db: Db,
  policy: { priority: Priority; firstResponseMinutes: number; resolutionMinutes: number },
  now: Date,
): Promise<SlaPolicyRow> {
  const { priority, ...targets } = policy;
  const saved = await db.slaPolicy.upsert({
    where: { priority },
    create: policy,
    update: targets,
    select: { priority: true, firstResponseMinutes: true, resolutionMinutes: true },
  });
  await refreshOpenTicketsSla(db, now, { priority });
  return saved;
}
