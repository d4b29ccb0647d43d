import { adminProcedure, router } from "../init";
import { clearDepartmentPolicy, getAutomationPolicies, setDepartmentPolicy, setDeploymentPolicy } from "../../lifecycle/policy-admin";
import {
  automationOverviewOutput,
  departmentPolicyInput,
  departmentPolicyOutput,
  policySettingsOutput,
  setDepartmentPolicyInput,
  setDeploymentPolicyInput,
} from "./automation.schema";

/** What the automatic tick does by itself (auto-resolve, auto-close), when a customer may close,
 * and which notification emails go out: for the whole deployment and per department. The tick and
 * the ticket pages read the policy each time, so a change applies from the next tick on. */
export const automationRouter = router({
  /** The deployment's policy, and per department its own override (null: none) and what applies. */
  get: adminProcedure.output(automationOverviewOutput).query(({ ctx }) => getAutomationPolicies(ctx.db, ctx.locale)),
  setDeployment: adminProcedure
    .input(setDeploymentPolicyInput)
    .output(policySettingsOutput)
    .mutation(({ ctx, input }) => setDeploymentPolicy(ctx.db, input)),
  setDepartment: adminProcedure
    .input(setDepartmentPolicyInput)
    .output(departmentPolicyOutput)
    .mutation(({ ctx, input: { departmentId, ...override } }) => setDepartmentPolicy(ctx.db, departmentId, override, ctx.locale)),
  clearDepartment: adminProcedure
    .input(departmentPolicyInput)
    .output(departmentPolicyOutput)
    .mutation(({ ctx, input }) => clearDepartmentPolicy(ctx.db, input.departmentId, ctx.locale)),
});
