// What both automation forms share: the types the page passes down, and how a typed number of days
// becomes the value the procedures expect.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../../../server/trpc/router";

export { customerCloseChoices, dayCounts, mailSwitches } from "../../../../server/trpc/admin/automation.schema";

type Overview = inferRouterOutputs<AppRouter>["admin"]["automation"]["get"];
export type PolicySettings = Overview["deployment"];
export type DepartmentEntry = Overview["departments"][number];

/** A days box: empty → null, whole digits → that number, anything else NaN (which the schema
 * refuses with its own message). */
export function daysOf(raw: FormDataEntryValue | null): number | null {
  const text = String(raw ?? "").trim();
  if (text === "") return null;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}
