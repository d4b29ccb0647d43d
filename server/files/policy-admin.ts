// The admin screen's view of attachments: the policy and which departments offer the
// sensitive-information box.
import type { Db } from "../db";
import { loadAttachmentPolicy, saveAttachmentPolicy, type AttachmentPolicy } from "./policy";

export async function getAttachmentSettings(db: Db) {
  const [policy, departments] = await Promise.all([
    loadAttachmentPolicy(db),
    db.department.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, sensitiveInfo: true } }),
  ]);
  return { policy, departments };
}

/** All or nothing: a refused department list leaves the policy as it was too. */
export async function setAttachmentSettings(db: Db, input: { policy: AttachmentPolicy; sensitiveDepartmentIds: number[] }) {
  await db.$transaction(async (tx) => {
    await saveAttachmentPolicy(tx, input.policy);
    await tx.department.updateMany({ where: { id: { in: input.sensitiveDepartmentIds } }, data: { sensitiveInfo: true } });
    await tx.department.updateMany({ where: { id: { notIn: input.sensitiveDepartmentIds } }, data: { sensitiveInfo: false } });
  });
  return getAttachmentSettings(db);
}
