// Inputs and outputs of the admin's people procedures.
import { z } from "zod";
import { Permission, UserRole } from "../../db/generated/enums";
import { id } from "../outputs";
import { idField } from "../../validation/fields";

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
export const staffOutput = z.array(
  z.object({
    id,
    email: z.string(),
    name: z.string(),
    role: z.enum(UserRole),
    departments: z.array(z.string()),
    viewSensitive: z.boolean(),
  }),
);
