// GET /api/admin/inbound/<id>/eml: a stored inbound mail exactly as it came (Administración ›
// Correo entrante › Descargar .eml), for admins only: signed out, or an id that is not there, is
// 404; anyone else signed in is 403. Always a download (message/rfc822, never rendered by the
// browser: a mail may carry anything).
import { AppError } from "../../../../../../server/errors/app-error";
import { errorResponse } from "../../../../../../server/errors/http-response";
import { contentDisposition } from "../../../../../../server/files/file-name";
import { inboundMailRaw } from "../../../../../../server/inbound/admin/inbound-mails";
import { contextFromRequest } from "../../../../../../server/trpc/request-context";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const ctx = await contextFromRequest(request.headers);
  try {
    // Signed out is "not found": the address says nothing about what exists.
    if (!ctx.user) throw new AppError("not_found");
    if (ctx.user.role !== "admin") throw new AppError("forbidden");
    const mail = await inboundMailRaw(ctx.db, (await params).id);
    return new Response(new Uint8Array(mail.raw), {
      headers: {
        "content-type": "message/rfc822",
        "content-length": String(mail.raw.byteLength),
        "content-disposition": contentDisposition("attachment", mail.fileName),
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
        "cross-origin-resource-policy": "same-origin",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return errorResponse(error, ctx.locale);
  }
}
