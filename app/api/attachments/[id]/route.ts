// GET /api/attachments/<id>: the file, for whoever may see its ticket (the visibility rule); any
// other id, guessed or real, answers 404. Always a download with a content type Mesa chose; images
// may be previewed inline with ?inline=1, under a sandboxing CSP and nosniff.
// HEAD /api/attachments/<id>: the same check without the bytes (a draft asks which uploads remain).
// DELETE /api/attachments/<id>: removes one's own upload that no message carries yet.
import { errorResponse } from "../../../../server/errors/http-response";
import { AppError } from "../../../../server/errors/app-error";
import { contentDisposition } from "../../../../server/files/file-name";
import { findReadableAttachment, openAttachment } from "../../../../server/files/open-attachment";
import { discardUpload } from "../../../../server/files/pending-uploads";
import { contextFromRequest } from "../../../../server/trpc/request-context";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const ctx = await contextFromRequest(request.headers);
  try {
    // Signed out is "not found" too: the address says nothing about what exists.
    if (!ctx.user) throw new AppError("not_found", "attachmentNotFound");
    const file = await openAttachment(ctx.db, ctx.user, (await params).id);
    const inline = file.preview && new URL(request.url).searchParams.get("inline") === "1";
    return new Response(file.body, {
      headers: {
        "content-type": file.contentType,
        "content-length": String(file.size),
        "content-disposition": contentDisposition(inline ? "inline" : "attachment", file.name),
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; img-src 'self'; sandbox",
        "cross-origin-resource-policy": "same-origin",
        "cache-control": "private, no-cache",
        // Whether no message carries it yet (a form's draft restores only those).
        "x-mesa-pending": String(file.pending),
      },
    });
  } catch (error) {
    return errorResponse(error, ctx.locale);
  }
}

/** Whether one may read it and whether it is still pending, without its bytes. */
export async function HEAD(request: Request, { params }: Params): Promise<Response> {
  const ctx = await contextFromRequest(request.headers);
  try {
    if (!ctx.user) throw new AppError("not_found", "attachmentNotFound");
    const row = await findReadableAttachment(ctx.db, ctx.user, (await params).id);
    return new Response(null, {
      headers: {
        "content-length": String(row.size),
        "x-mesa-pending": String(row.messageId === null),
        "cache-control": "private, no-cache",
      },
    });
  } catch (error) {
    return new Response(null, { status: errorResponse(error, ctx.locale).status });
  }
}

export async function DELETE(request: Request, { params }: Params): Promise<Response> {
  const ctx = await contextFromRequest(request.headers);
  try {
    if (!ctx.user) throw new AppError("unauthenticated");
    await discardUpload(ctx.db, ctx.user, (await params).id);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error, ctx.locale);
  }
}
