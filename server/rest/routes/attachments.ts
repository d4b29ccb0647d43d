// GET /tickets/api/attachments/<id>/: a file of a ticket the token may see, through the same
// visibility rule and with the same headers as the panel's download; any other id is a 404.
import { z } from "zod";
import { contentDisposition } from "../../files/file-name";
import { openAttachment } from "../../files/open-attachment";
import type { RestRoute } from "../route";

export const attachmentRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "/tickets/api/attachments/{id}/",
    operationId: "downloadAttachment",
    summary: "Download an attachment",
    tag: "Attachments",
    params: z.object({ id: z.uuid().describe("The attachment's id (from a message's attachments)") }),
    success: { status: 200, description: "The file", binary: true },
    errors: [400, 404],
    async handle(call) {
      const file = await openAttachment(call.db, call.principal, call.params.id!);
      return new Response(file.body, {
        headers: {
          "content-type": file.contentType,
          "content-length": String(file.size),
          "content-disposition": contentDisposition("attachment", file.name),
          "x-content-type-options": "nosniff",
          "cache-control": "private, no-cache",
        },
      });
    },
  },
];
