// The choices of the create form for one person.
import type { Db } from "../db";
import type { SessionUser } from "../auth/session-user";
import { listDepartments } from "../departments/list";

export async function ticketFormOptions(db: Db, user: SessionUser) {
  const orgIds = user.organizations.map((o) => o.id);
  const [departments, organizations] = await Promise.all([
    listDepartments(db),
    db.organization.findMany({
      where: { id: { in: orgIds } },
      orderBy: { name: "asc" },
      select: {
        id: true, name: true,
        services: { where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } },
        memberships: { where: { userId: { not: user.id } }, select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { user: { name: "asc" } } },
      },
    }),
  ]);
  return {
    departments,
    organizations: organizations.map(({ memberships, ...o }) => ({ ...o, members: memberships.map((m) => m.user) })),
  };
}
