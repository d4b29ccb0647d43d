// /api/openapi.json: the OpenAPI 3.1 document of the REST API, built from the very zod schemas that
// validate the requests (server/rest/routes/) and shape the answers (shapes.ts), so the document
// cannot drift from what the server does. zod 4 writes JSON Schema 2020-12, which OpenAPI 3.1 uses as
// it is: schemas named with `.meta({ id })` become components, everything else stays inline. The two
// token endpoints (app/api/token/) are not REST routes of the table; they are described here by hand.
import { z } from "zod";
import type { RestRoute } from "./route";

type Json = Record<string, unknown>;
type Io = "input" | "output";

/** The version of the REST contract (not of the app): it changes when a client would notice. */
export const API_VERSION = "1.0.0";

/** What the document needs of an operation: a REST route without its handler, or a token endpoint. */
type Described = Omit<RestRoute, "handle" | "renames" | "tag"> & {
  tag: RestRoute["tag"] | "Authentication";
  /** Token endpoints take credentials in the body, not a bearer token. */
  public?: boolean;
};

const problemShape = z
  .object({
    type: z.string().describe("about:blank"),
    title: z.string().describe("The kind of error, in the Accept-Language"),
    status: z.number().int().describe("The HTTP status"),
    code: z.string().describe("Stable, for programs: unauthenticated, forbidden, not_found, invalid_input, conflict, rate_limited, …"),
    detail: z.string().describe("What happened, in the Accept-Language"),
    errors: z
      .record(z.string(), z.string())
      .optional()
      .describe("Invalid input: a message per field, by the field's path as sent (messages.0.body)"),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

const tokenRequest = z
  .object({ email: z.email(), password: z.string().min(1) })
  .meta({ id: "TokenRequest", description: "The credentials of a Mesa account (the sign-in form's)" });
const tokenRefresh = z.object({ refresh: z.string().min(1).describe("The refresh token of the last pair") }).meta({ id: "TokenRefresh" });
const tokenPair = z
  .object({
    access: z.string().describe("A JWT, valid 15 minutes: send it as `Authorization: Bearer <access>`"),
    refresh: z.string().describe("mesa_rt_…, valid 30 days and usable once: POST it to /api/token/refresh/ for a new pair"),
  })
  .meta({ id: "TokenPair" });

const tokenOperations: Described[] = [
  {
    method: "POST",
    path: "/api/token/",
    operationId: "obtainToken",
    summary: "Obtain an access token",
    description:
      "Signs in with email and password, throttled like the sign-in form. Accounts that only sign in with Google use a personal access token.",
    tag: "Authentication",
    public: true,
    body: tokenRequest,
    success: { status: 200, description: "A new pair of tokens", schema: tokenPair },
    errors: [400],
  },
  {
    method: "POST",
    path: "/api/token/refresh/",
    operationId: "refreshToken",
    summary: "Refresh an access token",
    description: "Answers a new pair and retires the refresh token sent: presenting a used one again ends the whole chain of pairs.",
    tag: "Authentication",
    public: true,
    body: tokenRefresh,
    success: { status: 200, description: "A new pair of tokens", schema: tokenPair },
    errors: [400],
  },
];

const tagDescriptions: Record<Described["tag"], string> = {
  Authentication: "Access tokens from email and password. Personal access tokens (mesa_pat_…) are made in the profile instead.",
  Tickets: "Open, list, read and answer tickets, as the web panel does, with the same visibility rule.",
  Staff: "Support's operations, for agents and admins only.",
  Departments: "Where tickets are opened.",
  Attachments: "The files of messages.",
};

const statusNames: Record<number, { name: string; description: string }> = {
  400: { name: "BadRequest", description: "Invalid input: `errors` names each field" },
  401: { name: "Unauthorized", description: "No token, or one that is invalid, expired or revoked" },
  403: {
    name: "Forbidden",
    description: "Not allowed to this person or token (a read-only token on a change, a customer on support's operations)",
  },
  404: { name: "NotFound", description: "No such thing, or one you may not see" },
  405: { name: "MethodNotAllowed", description: "Not a method of this path" },
  409: { name: "Conflict", description: "Not possible in the current state, or the same Idempotency-Key is still being answered" },
  411: { name: "LengthRequired", description: "A multipart body needs a Content-Length" },
  413: { name: "ContentTooLarge", description: "The body, or its files, exceed the limit" },
  415: {
    name: "UnsupportedMediaType",
    description: "Not JSON (or multipart/form-data where accepted), or a file type that is not allowed",
  },
  422: { name: "UnprocessableContent", description: "The Idempotency-Key was used with another body" },
  429: { name: "TooManyRequests", description: "Too many requests: wait for Retry-After seconds" },
};

const credentialAnswers: Record<number, { name: string; description: string }> = {
  401: { name: "InvalidCredentials", description: "Wrong email or password, or a refresh token that is unknown, expired or already used" },
  429: {
    name: "TooManyAttempts",
    description: "Too many attempts from this address or for this account: wait (Retry-After), or sign in once in the web panel",
  },
};

const headerDefinitions: Record<string, Json> = {
  XRateLimitLimit: { description: "Requests allowed per window for this token", schema: { type: "integer" } },
  XRateLimitRemaining: { description: "Requests left in the current window", schema: { type: "integer" } },
  XRateLimitReset: { description: "Seconds until the window starts again", schema: { type: "integer" } },
  RetryAfter: { description: "Seconds to wait before the next request", schema: { type: "integer" } },
  WWWAuthenticate: { description: 'Bearer realm="mesa" (with error="invalid_token" when a token was sent)', schema: { type: "string" } },
};

const parameterDefinitions: Record<string, Json> = {
  AcceptLanguage: {
    name: "Accept-Language",
    in: "header",
    description: "The language of error titles and details: es, en, pt or fr (English otherwise)",
    schema: { type: "string", examples: ["es", "fr-CA,fr;q=0.9"] },
  },
  IdempotencyKey: {
    name: "Idempotency-Key",
    in: "header",
    description:
      "Any unique string: the same key with the same body within 24 hours answers the first result again (Idempotent-Replayed: true)",
    schema: { type: "string", minLength: 1, maxLength: 255 },
  },
};

/** Replaces every `#/$defs/<id>` reference by the component's. */
function rewriteRefs(value: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, names));
  if (!value || typeof value !== "object") return value;
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === "$ref" && typeof item === "string" && item.startsWith("#/$defs/"))
      out[key] = `#/components/schemas/${names.get(decodeURIComponent(item.slice("#/$defs/".length)))}`;
    else out[key] = rewriteRefs(item, names);
  }
  return out;
}

/** The components a document uses, added as operations refer to them (Redocly refuses unused ones). */
class Components {
  readonly schemas: Record<string, Json> = {};
  readonly responses: Record<string, Json> = {};
  readonly parameters: Record<string, Json> = {};
  readonly headers: Record<string, Json> = {};
  /** Each component schema as zod wrote it, to tell a reuse of a name from a clash. */
  private written = new Map<string, string>();

  /** A zod schema as OpenAPI: its named parts moved to components, the rest inline. */
  schema(schema: z.ZodType, io: Io): Json {
    const written = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json & {
      $defs?: Record<string, Json>;
    };
    const { $schema: _dialect, $defs = {}, ...root } = written;
    const names = new Map(Object.entries($defs).map(([id, def]) => [id, this.nameFor(id, def, io)]));
    for (const [id, def] of Object.entries($defs)) this.schemas[names.get(id)!] ??= rewriteRefs(def, names) as Json;
    return rewriteRefs(root, names) as Json;
  }

  /** A named schema reads differently as a request and as an answer when it has defaults or
   * transforms: the answer keeps the name, the other gets a suffix. */
  private nameFor(id: string, def: Json, io: Io): string {
    const text = JSON.stringify(def);
    for (const name of [id, `${id}${io === "input" ? "Input" : "Output"}`]) {
      const seen = this.written.get(name);
      if (seen === undefined) this.written.set(name, text);
      if (seen === undefined || seen === text) return name;
    }
    throw new Error(`OpenAPI: two different schemas are both named ${id}`);
  }

  header(name: string): Json {
    this.headers[name] ??= headerDefinitions[name]!;
    return { $ref: `#/components/headers/${name}` };
  }

  parameter(name: string): Json {
    this.parameters[name] ??= parameterDefinitions[name]!;
    return { $ref: `#/components/parameters/${name}` };
  }

  /** The problem+json answer of an error status, shared by every operation that may answer it. The
   * token endpoints take credentials instead of a bearer token: their 401 and 429 mean other things. */
  problem(status: number, credentials: boolean): Json {
    const known = (credentials && credentialAnswers[status]) ||
      statusNames[status] || { name: `Status${status}`, description: `Error ${status}` };
    if (!this.responses[known.name]) {
      const headers: Record<string, Json> = {};
      if (status === 401 && !credentials) headers["WWW-Authenticate"] = this.header("WWWAuthenticate");
      if (status === 429) headers["Retry-After"] = this.header("RetryAfter");
      if (!credentials) Object.assign(headers, this.rateHeaders());
      this.responses[known.name] = {
        description: known.description,
        ...(Object.keys(headers).length ? { headers } : {}),
        content: { "application/problem+json": { schema: this.schema(problemShape, "output") } },
      };
    }
    return { $ref: `#/components/responses/${known.name}` };
  }

  /** Every answer after authentication carries the token's rate-limit state. */
  rateHeaders(): Record<string, Json> {
    return {
      "X-RateLimit-Limit": this.header("XRateLimitLimit"),
      "X-RateLimit-Remaining": this.header("XRateLimitRemaining"),
      "X-RateLimit-Reset": this.header("XRateLimitReset"),
    };
  }

  toJSON(): Json {
    const parts = { schemas: this.schemas, responses: this.responses, parameters: this.parameters, headers: this.headers };
    const used = Object.entries(parts).filter(([, part]) => Object.keys(part).length > 0);
    return { ...Object.fromEntries(used), securitySchemes: { bearerAuth: bearerScheme } };
  }
}

const bearerScheme = {
  type: "http",
  scheme: "bearer",
  bearerFormat: "JWT or mesa_pat_…",
  description:
    "An access token from POST /api/token/ (a JWT, valid 15 minutes), or a personal access token (mesa_pat_…) made in your profile, read-only or read-write.",
};

/** A path or query parameter per property of a zod object, with its description lifted to the parameter. */
function parametersOf(shape: z.ZodObject | undefined, where: "path" | "query", components: Components): Json[] {
  if (!shape) return [];
  return Object.entries(shape.shape).map(([name, property]) => {
    const { description, ...schema } = components.schema(property as z.ZodType, "input");
    return {
      name,
      in: where,
      required: where === "path" || !(property as z.ZodType).isOptional(),
      ...(description ? { description } : {}),
      schema,
    };
  });
}

/** Form fields as an object schema; `attachments` are files (the part's bytes, any type). */
function multipartSchema(form: z.ZodObject, components: Components): Json {
  const properties: Record<string, Json> = {};
  const required: string[] = [];
  for (const [name, property] of Object.entries(form.shape)) {
    const field = property as z.ZodType;
    const schema = components.schema(field, "input");
    // `format: binary` as well: documentation tools (Scalar's try-it among them) offer a file picker for it.
    const file = { type: "string", format: "binary", contentMediaType: "application/octet-stream" };
    properties[name] =
      name === "attachments" ? { type: "array", items: file, ...(schema.description ? { description: schema.description } : {}) } : schema;
    if (!field.isOptional()) required.push(name);
  }
  return { type: "object", properties, ...(required.length ? { required } : {}) };
}

function requestBodyOf(op: Described, components: Components): Json | undefined {
  const content: Json = {};
  if (op.body) content["application/json"] = { schema: components.schema(op.body, "input") };
  if (op.multipart) content["multipart/form-data"] = { schema: multipartSchema(op.multipart, components) };
  if (!Object.keys(content).length) return undefined;
  return { required: true, content };
}

function successOf(op: Described, components: Components): Json {
  const { status, description, schema, binary } = op.success;
  const headers = op.public ? undefined : components.rateHeaders();
  const answer: Json = { description, ...(headers ? { headers } : {}) };
  if (binary) {
    answer.headers = { ...headers, "Content-Disposition": { description: "attachment, with the file's name", schema: { type: "string" } } };
    answer.content = {
      "application/octet-stream": { schema: { type: "string", format: "binary", contentMediaType: "application/octet-stream" } },
    };
  } else if (schema) {
    answer.content = { "application/json": { schema: components.schema(schema, "output") } };
  }
  return { [String(status)]: answer };
}

function operationOf(op: Described, components: Components): Json {
  const parameters = [
    ...parametersOf(op.params, "path", components),
    ...parametersOf(op.query, "query", components),
    ...(op.idempotent ? [components.parameter("IdempotencyKey")] : []),
    components.parameter("AcceptLanguage"),
  ];
  const responses: Json = successOf(op, components);
  for (const status of [...new Set([...op.errors, 401, 429])].sort((a, b) => a - b))
    responses[String(status)] = components.problem(status, !!op.public);
  const description = [op.description, op.staffOnly ? "Agents and admins only." : undefined].filter(Boolean).join("\n\n");
  const requestBody = requestBodyOf(op, components);
  return {
    tags: [op.tag],
    summary: op.summary,
    ...(description ? { description } : {}),
    operationId: op.operationId,
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses,
    ...(op.public ? { security: [] } : {}),
  };
}

/** The whole document; `origin` is where its clients reach Mesa (the server of the try-it console). */
export function openApiDocument(routes: RestRoute[], origin: string): object {
  const components = new Components();
  const paths: Record<string, Record<string, Json>> = {};
  const operations: Described[] = [...tokenOperations, ...routes];
  const ids = new Set<string>();
  for (const op of operations) {
    if (ids.has(op.operationId)) throw new Error(`OpenAPI: operationId ${op.operationId} is used twice`);
    ids.add(op.operationId);
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operationOf(op, components);
  }
  const tags = [...new Set(operations.map((op) => op.tag))].map((name) => ({ name, description: tagDescriptions[name] }));
  return {
    openapi: "3.1.0",
    info: {
      title: "Mesa API",
      version: API_VERSION,
      description: [
        "Mesa's helpdesk as a REST API: the web panel's operations, with its rules and visibility.",
        "Authenticate with `Authorization: Bearer <token>`. Errors are RFC 9457 problem details (`application/problem+json`) in the language of `Accept-Language`.",
        "Every token has a rate limit: each answer says how much is left (X-RateLimit-*), and a 429 says how long to wait (Retry-After).",
      ].join("\n\n"),
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    },
    servers: [{ url: origin, description: "This Mesa" }],
    security: [{ bearerAuth: [] }],
    tags,
    paths,
    components: components.toJSON(),
  };
}

/** The origin the client used: NEXTAUTH_URL when it names the same host (it knows the public scheme
 * behind a TLS-terminating proxy), else the request's own scheme and Host. */
export function documentOrigin(request: Request, appUrl: string): string {
  const own = new URL(request.url);
  const host = request.headers.get("host") ?? own.host;
  try {
    const app = new URL(appUrl);
    if (app.host === host) return app.origin;
    return new URL(`${own.protocol}//${host}`).origin;
  } catch {
    return own.origin;
  }
}
