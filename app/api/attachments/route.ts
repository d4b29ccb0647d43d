// POST /api/attachments?name=<file name>&ticket=<TK-…> (a reply) or &organizationId=<id|empty>
// (a new ticket), the file's bytes as the body: checks and stores one file before its message is
// sent, answering {id, name, size, fileType}. The browser sends one request per file (XHR, for a
// progress bar per file). Refusals answer {error} in the page's language, naming the file and rule.
// Only the app's upload code may upload (server/http/request-guard.ts, which the custom server also
// applies with the Origin check before this runs): the bytes as application/octet-stream with the
// page's x-mesa-locale, which no HTML form can send, so a forged form post never counts against
// anyone's quota.
import { z } from "zod";
import { AppError } from "../../../server/errors/app-error";
import { errorResponse } from "../../../server/errors/http-response";
import { receiveUpload } from "../../../server/files/receive-upload";
import { uploadRefusal } from "../../../server/http/request-guard";
import { translator } from "../../../server/i18n/translate";
import { contextFromRequest } from "../../../server/trpc/request-context";

export const dynamic = "force-dynamic";

const query = z.object({
  name: z.string().min(1).max(1000),
  ticket: z.string().trim().min(1).max(64).optional(),
  organizationId: z.union([z.uuid(), z.literal("")]).optional(),
});

export async function POST(request: Request): Promise<Response> {
  const ctx = await contextFromRequest(request.headers);
  const notAnUpload = uploadRefusal(request.headers);
  if (notAnUpload) {
    const body = { error: translator(ctx.locale)("Errors.forbidden"), code: notAnUpload.code, detail: notAnUpload.detail };
    return Response.json(body, { status: notAnUpload.status });
  }
  try {
    if (!ctx.user) throw new AppError("unauthenticated");
    const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) throw new AppError("invalid_input", "fileNameMissing");
    if (!request.body) throw new AppError("invalid_input", "fileEmpty", { name: parsed.data.name });
    const length = request.headers.get("content-length");
    const uploaded = await receiveUpload(
      ctx.db,
      ctx.user,
      {
        name: parsed.data.name,
        size: length && /^\d+$/.test(length) ? Number(length) : undefined,
        target: parsed.data.ticket ? { ticket: parsed.data.ticket } : { organizationId: parsed.data.organizationId || null },
        body: request.body,
      },
      ctx.now,
    );
    return Response.json(uploaded, { status: 201 });
  } catch (error) {
    return errorResponse(error, ctx.locale);
  }
}
