// Inputs of the automation-policy procedures: delays in whole days from 1 to 365, the unit of the
// auto-close delay, when a customer may close, and one switch per notification email. The
// deployment's policy sets every field; a department's override may leave any of them null
// (inherit the deployment's value).
import { z } from "zod";
import { departmentIdField } from "../../validation/fields";
import { serialId } from "../outputs";

export const MAX_POLICY_DAYS = 365;

export const dayCounts = ["calendar", "business"] as const;
export const customerCloseChoices = ["after_resolved", "any_time"] as const;
export const mailSwitches = ["mailCreated", "mailEscalated", "mailResolved", "mailClosed", "mailAgentReply", "mailAutoResolved"] as const;

const daysField = z
  .number({ error: "Validation.days" })
  .int({ error: "Validation.days" })
  .min(1, { error: "Validation.days" })
  .max(MAX_POLICY_DAYS, { error: "Validation.days" });
const unitField = z.enum(dayCounts, { error: "Validation.invalid" });
const customerCloseField = z.enum(customerCloseChoices, { error: "Validation.invalid" });
const switchField = z.boolean({ error: "Validation.invalid" });

const fields = {
  autoResolveDays: daysField,
  autoCloseDays: daysField,
  autoCloseUnit: unitField,
  customerMayClose: customerCloseField,
  mailCreated: switchField,
  mailEscalated: switchField,
  mailResolved: switchField,
  mailClosed: switchField,
  mailAgentReply: switchField,
  mailAutoResolved: switchField,
};

/** The deployment's policy: every field required. */
export const setDeploymentPolicyInput = z.object(fields);
export type DeploymentPolicyInput = z.input<typeof setDeploymentPolicyInput>;

/** A department's override, replaced as a whole: null (or a field left out) inherits. */
export const setDepartmentPolicyInput = z.object({
  departmentId: departmentIdField,
  autoResolveDays: daysField.nullish(),
  autoCloseDays: daysField.nullish(),
  autoCloseUnit: unitField.nullish(),
  customerMayClose: customerCloseField.nullish(),
  mailCreated: switchField.nullish(),
  mailEscalated: switchField.nullish(),
  mailResolved: switchField.nullish(),
  mailClosed: switchField.nullish(),
  mailAgentReply: switchField.nullish(),
  mailAutoResolved: switchField.nullish(),
});
export type DepartmentPolicyInput = z.input<typeof setDepartmentPolicyInput>;

export const departmentPolicyInput = z.object({ departmentId: departmentIdField });

const settingsShape = {
  autoResolveDays: z.number().int(),
  autoCloseDays: z.number().int(),
  autoCloseUnit: z.enum(dayCounts),
  customerMayClose: z.enum(customerCloseChoices),
  mailCreated: z.boolean(),
  mailEscalated: z.boolean(),
  mailResolved: z.boolean(),
  mailClosed: z.boolean(),
  mailAgentReply: z.boolean(),
  mailAutoResolved: z.boolean(),
};
/** A policy with every field set (the deployment's, or what applies to a department). */
export const policySettingsOutput = z.object(settingsShape);
/** A department's own row: null inherits the deployment's value. */
const policyOverrideOutput = z.object(
  Object.fromEntries(Object.entries(settingsShape).map(([k, v]) => [k, v.nullable()])) as {
    [K in keyof typeof settingsShape]: z.ZodNullable<(typeof settingsShape)[K]>;
  },
);
/** One department: its override (null: none, it inherits everything) and what applies. */
export const departmentPolicyOutput = z.object({
  id: serialId,
  name: z.string(),
  override: policyOverrideOutput.nullable(),
  effective: policySettingsOutput,
});
export const automationOverviewOutput = z.object({ deployment: policySettingsOutput, departments: z.array(departmentPolicyOutput) });
