import { z } from "zod";
import { emailField, localeField } from "../../users/fields";
import { idField } from "../../validation/fields";

const role = z.enum(["member", "admin"], { error: "Validation.invalid" });
export const orgInput = z.object({ organizationId: idField });
export const inviteInput = z.object({ organizationId: idField, email: emailField, role: role.default("member"), locale: localeField });
export const memberInput = z.object({ organizationId: idField, userId: idField });
export const setRoleInput = z.object({ organizationId: idField, userId: idField, role });
