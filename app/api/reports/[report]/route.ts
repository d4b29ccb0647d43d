// GET /api/reports/<report>?from=YYYY-MM-DD&to=YYYY-MM-DD&department=<id>: one chart of the
// agent's reports as CSV (headers in the reader's language), through the same use-case and
// visibility rule as the page. Signed out: 401; not staff: 403; a bad filter: 400.
import { isLocale } from "../../../../server/i18n/locales";
import { isStaff } from "../../../../server/access/principal";
import { AppError } from "../../../../server/errors/app-error";
import { errorResponse } from "../../../../server/errors/http-response";
import { contentDisposition } from "../../../../server/files/file-name";
import { reportCsv } from "../../../../server/reports/csv";
import { REPORT_NAMES, type ReportName } from "../../../../server/reports/overview";
import { contextFromRequest } from "../../../../server/trpc/request-context";
import { reportFilterInput } from "../../../../server/trpc/reports/reports.schema";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ report: string }> };

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const ctx = await contextFromRequest(request.headers);
  try {
    if (!ctx.user) throw new AppError("unauthenticated");
    if (!isStaff(ctx.user)) throw new AppError("forbidden");
    const report = (await params).report;
    if (!(REPORT_NAMES as readonly string[]).includes(report)) throw new AppError("not_found");
    const query = new URL(request.url).searchParams;
    const department = query.get("department");
    const filter = reportFilterInput.safeParse({
      from: query.get("from"),
      to: query.get("to"),
      departmentId: department ? Number(department) : null,
    });
    if (!filter.success) throw new AppError("invalid_input", "reportRange");
    const locale = isLocale(query.get("locale")) ? (query.get("locale") as typeof ctx.locale) : ctx.locale;
    const csv = await reportCsv(ctx.db, ctx.user, filter.data, locale, report as ReportName);
    return new Response(csv.text, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": contentDisposition("attachment", csv.filename),
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, ctx.locale);
  }
}
