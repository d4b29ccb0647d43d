// GET /api/openapi.json: the REST API's OpenAPI 3.1 document (server/rest/openapi.ts), its server
// being the address this request came to, so the docs page's try-it console calls the same Mesa.
import { getConfig } from "../../../server/config/env";
import { documentOrigin, openApiDocument } from "../../../server/rest/openapi";
import { restRoutes } from "../../../server/rest/routes";

export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  const document = openApiDocument(restRoutes, documentOrigin(request, getConfig().NEXTAUTH_URL));
  // no-store: the servers entry follows the Host of each request.
  return Response.json(document, { headers: { "cache-control": "no-store" } });
}
