// Inputs and outputs of the admin's people procedures.
import { z } from "zod";
import { Permission, UserRole } from "../../db/generated/enums";
import { id, serialId } from "../outputs";
import { idField, serialIdField } from "../../validation/fields";
import { staffInvitationFields } from "../../users/staff-fields";

export const setPermissionInput = z.object({ userId: idField, permission: z.enum(Permission), granted: z.boolean() });

/** Everyone, with the permissions they hold. */
export const usersOutput = z.array(
  z.object({
    id,
    email: z.string(),
    name: z.string(),
    role: z.enum(UserRole),
    permissions: z.array(z.object({ permission: z.enum(Permission) })),
  }),
);
/** Support staff with their departments' names and whether they may see sensitive information. */
/** Admin > Team and permissions: the search, an invitation, a change of role and departments. */
export const peopleSearchInput = z.object({
  q: z.string().trim().max(120, { error: "Validation.tooLong" }).default(""),
  role: z.enum(UserRole).nullable().default(null),
});
export const peopleOutput = z.object({
  total: z.number().int(),
  people: z.array(
    z.object({
      id,
      email: z.string(),
      name: z.string(),
      role: z.enum(UserRole),
      pending: z.boolean(),
      deactivated: z.boolean(),
      permissions: z.array(z.enum(Permission)),
      departments: z.array(z.object({ id: serialId, name: z.string() })),
    }),
  ),
});
export const inviteStaffInput = staffInvitationFields;
export const updateStaffInput = z.object({
  userId: idField,
  role: z.enum(UserRole, { error: "Validation.invalid" }),
  departmentIds: z.array(serialIdField).max(200).default([]),
});
export const userIdInput = z.object({ userId: idField });
export const invitedOutput = z.object({ id });
