// GET /api/docs/scalar.js: Scalar's standalone bundle for the docs page, from node_modules. The page
// asks for it with ?v=<hash of the bundle>, so it may be cached for a year; the ETag answers 304 to
// a revalidation.
import { scalarBundle } from "../scalar-bundle";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  const bundle = await scalarBundle();
  const headers = {
    "content-type": "text/javascript; charset=utf-8",
    "cache-control": "public, max-age=31536000, immutable",
    etag: bundle.etag,
  };
  const asked = request.headers.get("if-none-match");
  if (asked && asked.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bundle.etag))
    return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(bundle.body), { headers: { ...headers, "content-length": String(bundle.body.byteLength) } });
}
