// GET /api/docs/init.js: starts Scalar on the docs page. A file rather than an inline script, so the
// page's Content-Security-Policy allows scripts from Mesa only, without a nonce or 'unsafe-inline'.
// Everything of Scalar's that would reach the internet is off: its web fonts, telemetry, the AI
// agent, the "open in Scalar's client" button and the developer toolbar (it shares documents with
// Scalar's registry); no proxy is set, so the try-it console calls Mesa directly.

export const dynamic = "force-dynamic";

const configuration = {
  url: "/api/openapi.json",
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: true,
  showDeveloperTools: "never",
  agent: { disabled: true },
  documentDownloadType: "json",
  // The try-it console sends `Authorization: Bearer <what the reader types>`; it is not kept in localStorage.
  authentication: { preferredSecurityScheme: "bearerAuth" },
  persistAuth: false,
  metaData: { title: "Mesa API" },
};

const script = `"use strict";\nwindow.Scalar.createApiReference("#app", ${JSON.stringify(configuration)});\n`;

export function GET(): Response {
  return new Response(script, { headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "no-cache" } });
}
