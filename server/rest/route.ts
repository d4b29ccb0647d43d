// One REST operation: its method and path (seed 003's, trailing slash included), the zod schemas of
// what it takes and answers — the same schemas validate requests and generate /api/openapi.json —
// and its handler, which maps the request to a tRPC procedure through createCaller and maps the
// answer back. No rule lives here: the procedure decides.
import type { z } from "zod";
import type { Principal } from "../access/principal";
import type { Db } from "../db";
import type { AppLocale } from "../i18n/locales";
import type { createCaller } from "../trpc/router";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RestCall<P = Record<string, string>, Q = unknown, B = unknown> {
  request: Request;
  db: Db;
  principal: Principal;
  locale: AppLocale;
  now: Date;
  /** The absolute origin the client used (for pagination links). */
  origin: string;
  params: P;
  query: Q;
  body: B;
  /** Files of a multipart body (its `attachments` fields). */
  files: File[];
  /** The procedures as this principal (createCaller with the request's context). */
  api: ReturnType<typeof createCaller>;
}

/** What a handler answers: JSON with a status, or a ready Response (a file download). */
export type RestResult = { status: number; body: unknown; headers?: Record<string, string> } | Response;

export interface RestRoute {
  method: Method;
  /** OpenAPI style: "/tickets/api/tickets/{id}/". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: "Tickets" | "Departments" | "Staff" | "Attachments";
  /** Only agents and admins may call it (documentation; the procedure enforces it). */
  staffOnly?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON body. */
  body?: z.ZodType;
  /** Also accepts multipart/form-data with these fields (`attachments`: files). */
  multipart?: z.ZodObject;
  /** POST that honours Idempotency-Key. */
  idempotent?: boolean;
  success: { status: number; description: string; schema?: z.ZodType; binary?: boolean };
  /** Error statuses it may answer besides 401 and 429 (every route has those). */
  errors: number[];
  /** The procedure's field names as the REST body calls them, for per-field errors (departmentId → department). */
  renames?: Record<string, string>;
  handle(call: RestCall): Promise<RestResult>;
}
