import { z } from "zod";
import { emailField, localeField } from "../../users/fields";
import { idField } from "../../validation/fields";
import { id, okOutput } from "../outputs";

const role = z.enum(["member", "admin"], { error: "Validation.invalid" });
export const orgInput = z.object({ organizationId: idField });
export const inviteInput = z.object({ organizationId: idField, email: emailField, role: role.default("member"), locale: localeField });
export const memberInput = z.object({ organizationId: idField, userId: idField });
export const setRoleInput = z.object({ organizationId: idField, userId: idField, role });

/** An organization's members as its admins manage them (never their password or sessions). */
export const membersOutput = z.object({
  id,
  name: z.string(),
  membersSeeAllTickets: z.boolean(),
  members: z.array(z.object({ id, name: z.string(), email: z.string(), role: role, pending: z.boolean() })),
});
export const inviteOutput = z.object({ invited: z.boolean() });
export const memberChangeOutput = okOutput;
