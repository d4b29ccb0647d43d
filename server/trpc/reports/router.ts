// The agent's reports (staff only): every chart's numbers for a filter, and the departments the
// filter offers. The CSV of each chart is app/api/reports/[report]/route.ts, through the same use-case.
import { departmentsOf } from "../../departments/list";
import { reportsOverview } from "../../reports/overview";
import { agentProcedure, router } from "../init";
import { reportDepartmentsOutput, reportFilterInput, reportsOverviewOutput } from "./reports.schema";

export const reportsRouter = router({
  overview: agentProcedure
    .input(reportFilterInput)
    .output(reportsOverviewOutput)
    .query(({ ctx, input }) => reportsOverview(ctx.db, ctx.user, input, ctx.locale)),
  departments: agentProcedure
    .output(reportDepartmentsOutput)
    .query(async ({ ctx }) => (await departmentsOf(ctx.db, ctx.user, ctx.locale)).map((d) => ({ id: d.id, name: d.name }))),
});
