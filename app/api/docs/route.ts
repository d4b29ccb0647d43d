// GET /api/docs: the REST API's reference with a try-it console (Scalar), reading /api/openapi.json.
// Every asset is Mesa's own (/api/docs/scalar.js, /api/docs/init.js) and the policy below lets the
// page reach nothing else: customers' networks, and these machines, often have no internet.
import { scalarBundle } from "./scalar-bundle";

export const dynamic = "force-dynamic";

/** Scalar injects its styles at run time ('unsafe-inline' for styles only) and draws icons from data: URLs. */
const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

export async function GET(): Promise<Response> {
  const { version } = await scalarBundle();
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Mesa API</title>
    <link rel="icon" href="/icon.svg" type="image/svg+xml" />
  </head>
  <body>
    <noscript>The API reference needs JavaScript. The document itself is at /api/openapi.json.</noscript>
    <div id="app"></div>
    <script src="/api/docs/scalar.js?v=${version}"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;
  return new Response(html, {
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-cache", "content-security-policy": DOCS_CSP },
  });
}
