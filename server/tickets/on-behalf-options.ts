// What support chooses from when opening a ticket for a customer: the organizations open to new
// tickets, the departments the agent works (an admin: all), and the members of one organization
// matching what the customer said on the phone (name or address).
import type { Db } from "../db";
import type { Principal } from "../access/principal";
import { departmentsOf } from "../departments/list";
import type { AppLocale } from "../i18n/locales";

export async function onBehalfOptions(db: Db, agent: Principal, locale: AppLocale) {
  const [organizations, departments] = await Promise.all([
    db.organization.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    departmentsOf(db, agent, locale),
  ]);
  return { organizations, departments };
}

/** Up to 20 active customer members of the organization whose name or address contains `q`. */
export async function searchRequesters(db: Db, input: { organizationId: string; q: string }) {
  const q = input.q.trim();
  const members = await db.membership.findMany({
    where: {
      organizationId: input.organizationId,
      user: {
        role: "partner",
        deactivatedAt: null,
        ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] } : {}),
      },
    },
    orderBy: { user: { name: "asc" } },
    take: 20,
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return members.map((m) => m.user);
}
