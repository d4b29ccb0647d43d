// The choices of the create form for one person.
import type { Db } from "../db";
import type { Principal } from "../access/principal";
import { listDepartments } from "../departments/list";
import { extensionsOf } from "../files/file-types";
import { loadAttachmentPolicy } from "../files/policy";

export async function ticketFormOptions(db: Db, user: Principal) {
  const orgIds = user.organizations.map((o) => o.id);
  const [departments, policy, organizations] = await Promise.all([
    listDepartments(db),
    loadAttachmentPolicy(db),
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
    /** What the file picker checks before uploading (the server checks again, and by content). */
    attachments: { extensions: extensionsOf(policy.allowedTypes), maxMessageBytes: policy.maxMessageBytes },
    organizations: organizations.map(({ memberships, ...o }) => ({ ...o, members: memberships.map((m) => m.user) })),
  };
}
