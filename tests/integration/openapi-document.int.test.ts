// /api/openapi.json, built from the REST route table: a valid OpenAPI 3.1 document (swagger-parser)
// that Redocly's recommended rules pass without an error or a warning, listing every operation of the
// table at its exact path, the multipart reply with its files and the two token endpoints; and the
// docs page that reads it, served with its assets from Mesa itself under a policy naming no other host.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import SwaggerParser from "@apidevtools/swagger-parser";
import { describe, expect, it } from "vitest";
import { GET as docsPage } from "../../app/api/docs/route";
import { GET as docsInit } from "../../app/api/docs/init.js/route";
import { GET as scalarBundle } from "../../app/api/docs/scalar.js/route";
import { GET as openApiRoute } from "../../app/api/openapi.json/route";
import { openApiDocument } from "../../server/rest/openapi";
import { restRoutes } from "../../server/rest/routes";

const run = promisify(execFile);
const redocly = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

type Operation = {
  operationId: string;
  parameters: ({ name?: string; in?: string; $ref?: string } & Record<string, unknown>)[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, Record<string, unknown>> } }> };
  responses: Record<string, unknown>;
  security?: unknown[];
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const documentOf = () => openApiDocument(restRoutes, "http://mesa.test") as any;
const operation = (doc: { paths: Record<string, Record<string, Operation>> }, method: string, path: string) =>
  doc.paths[path]?.[method.toLowerCase()];

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = documentOf();
    expect(doc.openapi).toBe("3.1.0");
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });

  it("passes Redocly's recommended rules without errors or warnings", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "mesa-openapi-"));
    const file = path.join(dir, "openapi.json");
    await writeFile(file, JSON.stringify(documentOf(), null, 2));
    const config = path.resolve("tests/fixtures/redocly.yaml");
    // Rejects on a non-zero exit, with the report in the error.
    const { stdout, stderr } = await run(process.execPath, [redocly, "lint", file, "--config", config, "--format", "stylish"], {
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
    });
    const report = `${stdout}\n${stderr}`;
    expect(report).toContain("Your API description is valid");
    expect(report).not.toMatch(/\b(error|warning)\b/);
  }, 60_000);

  it("lists every REST operation at its exact path, with 401 and 429, and the token endpoints without a bearer token", () => {
    const doc = documentOf();
    for (const route of restRoutes) {
      const op = operation(doc, route.method, route.path);
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op!.operationId).toBe(route.operationId);
      expect(Object.keys(op!.responses)).toEqual(expect.arrayContaining([String(route.success.status), "401", "429"]));
      expect(op!.parameters.some((p) => p.$ref === "#/components/parameters/IdempotencyKey")).toBe(!!route.idempotent);
    }
    expect(Object.keys(doc.paths).every((p) => p.endsWith("/"))).toBe(true);
    const ids = Object.values(doc.paths).flatMap((methods) =>
      Object.values(methods as Record<string, Operation>).map((op) => op.operationId),
    );
    expect(new Set(ids).size).toBe(ids.length);

    for (const tokenPath of ["/api/token/", "/api/token/refresh/"]) {
      const op = operation(doc, "POST", tokenPath)!;
      expect(op.security).toEqual([]);
      expect(op.requestBody!.content["application/json"]).toBeDefined();
    }
    expect(doc.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.servers).toEqual([expect.objectContaining({ url: "http://mesa.test" })]);
  });

  it("describes the reply as JSON or multipart/form-data with files", () => {
    const reply = operation(documentOf(), "POST", "/tickets/api/tickets/{id}/reply/")!;
    const content = reply.requestBody!.content;
    expect(Object.keys(content)).toEqual(["application/json", "multipart/form-data"]);
    const form = content["multipart/form-data"]!.schema.properties!;
    expect(form.body).toMatchObject({ type: "string" });
    expect(form.attachments).toMatchObject({ type: "array", items: { type: "string", contentMediaType: "application/octet-stream" } });
    expect(reply.parameters).toContainEqual(expect.objectContaining({ name: "id", in: "path", required: true }));
  });

  it("answers errors as problem details, and the list's filters as query parameters", () => {
    const doc = documentOf();
    expect(doc.components.responses.NotFound.content["application/problem+json"].schema).toEqual({ $ref: "#/components/schemas/Problem" });
    expect(doc.components.schemas.Problem.required).toEqual(expect.arrayContaining(["type", "title", "status", "code", "detail"]));
    expect(Object.keys(doc.components.responses.TooManyRequests.headers)).toEqual(
      expect.arrayContaining(["Retry-After", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]),
    );
    const list = operation(doc, "GET", "/tickets/api/tickets/")!;
    const query = list.parameters.filter((p) => p.in === "query").map((p) => p.name);
    expect(query).toEqual(["status", "priority", "department", "search", "ordering", "page", "page_size"]);
  });
});

describe("GET /api/openapi.json", () => {
  it("answers the document as JSON, its server being the address asked", async () => {
    const response = openApiRoute(new Request("http://mesa.test/api/openapi.json", { headers: { host: "mesa.test" } }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const doc = await response.json();
    expect(doc).toMatchObject({ openapi: "3.1.0", info: { title: "Mesa API" }, servers: [{ url: "http://mesa.test" }] });
    // Another name for the same Mesa (the try-it console must call the host the reader is on).
    const other = await openApiRoute(new Request("http://10.0.0.5:3000/api/openapi.json", { headers: { host: "10.0.0.5:3000" } })).json();
    expect(other.servers[0].url).toBe("http://10.0.0.5:3000");
  });
});

describe("the docs page", () => {
  it("loads Scalar from Mesa itself under a policy that allows no other host", async () => {
    const page = await docsPage();
    expect(page.headers.get("content-type")).toContain("text/html");
    const policy = page.headers.get("content-security-policy")!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toMatch(/https?:|unsafe-eval|\*/);
    const html = await page.text();
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.map((attrs) => /src="([^"]+)"/.exec(attrs)?.[1])).toEqual([
      expect.stringMatching(/^\/api\/docs\/scalar\.js\?v=\w+$/),
      "/api/docs/init.js",
    ]);
    expect(html).not.toMatch(/https?:\/\//);

    const init = await docsInit().text();
    expect(init).toContain('"url":"/api/openapi.json"');
    expect(init).toContain('"withDefaultFonts":false');
  });

  it("serves the bundle with a long cache and answers 304 to its ETag", async () => {
    const first = await scalarBundle(new Request("http://mesa.test/api/docs/scalar.js"));
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toContain("text/javascript");
    expect(first.headers.get("cache-control")).toContain("max-age=31536000");
    expect((await first.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
    const etag = first.headers.get("etag")!;
    const again = await scalarBundle(new Request("http://mesa.test/api/docs/scalar.js", { headers: { "if-none-match": etag } }));
    expect(again.status).toBe(304);
  });
});
