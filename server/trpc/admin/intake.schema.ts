// Inputs and outputs of the mail-intake procedures (server/inbound/admin/intake.ts). Addresses are
// compared and kept in lower case.
import { z } from "zod";
import { ClosedReplyPolicy, IntakePolicy } from "../../db/generated/enums";
import { emailField } from "../../users/fields";
import { departmentIdField, serialIdField } from "../../validation/fields";
import { serialId } from "../outputs";

export const intakePolicies = Object.values(IntakePolicy);
export const closedReplyPolicies = Object.values(ClosedReplyPolicy);

export const setIntakePolicyInput = z.object({
  departmentId: departmentIdField,
  mailIntake: z.enum(IntakePolicy, { error: "Validation.invalid" }),
  closedReply: z.enum(ClosedReplyPolicy, { error: "Validation.invalid" }),
});
export const addIntakeAddressInput = z.object({
  departmentId: departmentIdField,
  address: emailField,
  /** A default category of that department; empty: none. */
  categoryId: z.preprocess(
    (v) => (v === "" || v === undefined ? null : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v),
    serialIdField.nullable(),
  ),
});
export const intakeAddressIdInput = z.object({ id: serialIdField });

const named = z.object({ id: serialId, name: z.string() });
export const intakeAddressOutput = z.object({ id: serialId, address: z.string(), category: named.nullable() });
export const intakeOverviewOutput = z.object({
  departments: z.array(
    z.object({
      id: serialId,
      name: z.string(),
      mailIntake: z.enum(IntakePolicy),
      closedReply: z.enum(ClosedReplyPolicy),
      categories: z.array(named),
      addresses: z.array(intakeAddressOutput),
    }),
  ),
});
export const intakePolicyOutput = z.object({
  departmentId: serialId,
  mailIntake: z.enum(IntakePolicy),
  closedReply: z.enum(ClosedReplyPolicy),
});
