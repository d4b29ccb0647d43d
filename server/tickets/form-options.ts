// The choices of the create form for one person.
import type { Db } from "../db";
import type { Principal } from "../access/principal";
import { listDepartments } from "../departments/list";
import type { AppLocale } from "../i18n/locales";
import { extensionsOf } from "../files/file-types";
import { loadAttachmentPolicy } from "../files/policy";
import { loadPriorityPolicy } from "../admin/priority-rules";
import { customerChoosablePriorities } from "../domain/priority-rules";

export async function ticketFormOptions(db: Db, user: Principal, locale: AppLocale) {
  const orgIds = user.organizations.map((o) => o.id);
  const [departments, policy, priorityPolicy, organizations] = await Promise.all([
    listDepartments(db, locale),
    loadAttachmentPolicy(db),
    loadPriorityPolicy(db),
    db.organization.findMany({
      where: { id: { in: orgIds } },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        services: { where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, kind: true, identifier: true } },
        memberships: {
          where: { userId: { not: user.id } },
          select: { user: { select: { id: true, name: true, email: true } } },
          orderBy: { user: { name: "asc" } },
        },
      },
    }),
  ]);
  return {
    departments,
    /** What the file picker checks before uploading (the server checks again, and by content). */
    attachments: { extensions: extensionsOf(policy.allowedTypes), maxMessageBytes: policy.maxMessageBytes },
    organizations: organizations.map(({ memberships, ...o }) => ({ ...o, members: memberships.map((m) => m.user) })),
    /** The priorities the customer may pick, when the policy lets customers choose (seed 002); null
     * when the rule table decides (seed 000) and the form shows no priority. */
    priorityChoices: priorityPolicy.mode === "customer_choice" ? [...customerChoosablePriorities] : null,
  };
}
