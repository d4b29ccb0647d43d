// How big a bench dataset is. "1m" is issue #15's provider: 1 000 organizations, 1 M tickets, about
// 5 M messages; one organization (the demo's Acme Hosting) holds a tenth of the tickets and one
// department (Soporte Técnico) about 200 000 open ones. Smaller scales keep the same proportions.
export interface Plan {
  scale: string;
  tickets: number;
  organizations: number;
  /** Generated members per organization (Acme has more: its share of tickets needs requesters). */
  membersPerOrg: number;
  agentsPerDepartment: number;
  seed: number;
}

const scales: Record<string, number> = { small: 10_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };

export function planFor(scale: string, seed = 0x4d657361): Plan {
  const tickets = scales[scale.toLowerCase()] ?? Number(scale.replace(/_/g, ""));
  if (!Number.isInteger(tickets) || tickets < 1_000)
    throw new Error(`--scale: small, 10k, 100k, 1m or a ticket count ≥ 1000 (got "${scale}")`);
  return {
    scale: scales[scale.toLowerCase()] ? scale.toLowerCase() : String(tickets),
    tickets,
    organizations: Math.max(10, Math.round(tickets / 1_000)),
    membersPerOrg: 4,
    agentsPerDepartment: 10,
    seed,
  };
}

/** Ticket shares: Acme's tenth, the departments' weights and the statuses' (open tab ≈ 34 %). */
export const shares = {
  acme: 0.1,
  departments: [
    ["soporte-tecnico", 60],
    ["facturacion", 18],
    ["ventas", 14],
    ["administracion", 8],
  ] as const,
  statuses: [
    ["new", 6],
    ["open", 14],
    ["pending_customer", 10],
    ["on_hold", 4],
    ["reopened", 2],
    ["resolved", 9],
    ["closed", 55],
  ] as const,
  priorities: [
    ["low", 20],
    ["medium", 50],
    ["high", 20],
    ["urgent", 8],
    ["critical", 2],
  ] as const,
};
