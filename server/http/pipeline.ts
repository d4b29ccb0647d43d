// The custom server's request pipeline in front of Next: security headers on every response, then
// the request guard (request-guard.ts) — a request from another origin or with a declared body over
// its route's limit is answered here and never reaches Next; a body without a declared length is
// counted as it arrives and only a complete one within the limit is handed on.
import type { IncomingMessage, ServerResponse } from "node:http";
import { isLocale, negotiateLocale, type AppLocale } from "../i18n/locales";
import { translator } from "../i18n/translate";
import { bodyLimitFor, guardRequest, header, tooLarge, type GuardConfig, type Refusal } from "./request-guard";
import { addSecurityHeaders, type SecurityHeaderOptions } from "./security-headers";

/** A declared body up to this much over its limit is read and thrown away after the refusal, so the
 * client (still sending) reads the 413 instead of a reset connection; past it, the connection is
 * closed. */
const DRAIN_MAX = 16 * 1024 * 1024;

function localeOf(req: IncomingMessage): AppLocale {
  const page = header(req.headers, "x-mesa-locale");
  return isLocale(page) ? page : negotiateLocale(header(req.headers, "accept-language"));
}

const messageKeys: Record<Refusal["code"], string> = {
  cross_origin: "Errors.forbidden",
  not_an_upload: "Errors.forbidden",
  payload_too_large: "Errors.invalid_input",
};

/** The refusal as JSON, in the caller's language (route handlers answer errors the same way). */
export function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal, options: { close?: boolean } = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify({ error: translator(localeOf(req))(messageKeys[refusal.code]), code: refusal.code, detail: refusal.detail });
  res.statusCode = refusal.status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.setHeader("content-length", Buffer.byteLength(body));
  res.setHeader("cache-control", "no-store");
  if (options.close) res.setHeader("connection", "close");
  res.end(body);
  // Whatever of the body is still coming is read and discarded (never buffered): Node does that
  // once the answer is sent, and closes the connection when asked to.
}

type Pushable = IncomingMessage & { push(chunk: unknown, encoding?: BufferEncoding): boolean };

/**
 * Holds back a body of unknown length until it is complete, counting it: resolves "fits" once it
 * ended within `limit` (its bytes are then given back to the request, so whoever reads it next reads
 * it whole), "too_large" as soon as it passes `limit` (what was held is dropped), "gone" when the
 * client went away first. Nothing downstream sees a
 * byte before the body is known to fit, so an oversized one is never parsed, and at most `limit`
 * bytes are held per request.
 *
 * It works where Node's HTTP parser hands each piece of the body to the request stream (its
 * `push`), before any reader; tests/security/request-guards.int.test.ts checks that on a real server.
 */
export function holdBody(req: IncomingMessage, limit: number): Promise<"fits" | "too_large" | "gone"> {
  const stream = req as Pushable;
  const push = stream.push;
  const held: Buffer[] = [];
  let size = 0;
  return new Promise((resolve) => {
    const restore = () => {
      stream.push = push;
      req.off("close", onClose);
    };
    const onClose = () => {
      restore();
      resolve("gone");
    };
    req.on("close", onClose);
    stream.push = function (chunk: unknown, encoding?: BufferEncoding): boolean {
      if (chunk === null) {
        restore();
        for (const piece of held) push.call(stream, piece);
        push.call(stream, null);
        resolve("fits");
        return false;
      }
      const piece = Buffer.isBuffer(chunk) ? Buffer.from(chunk) : Buffer.from(chunk as string, encoding);
      size += piece.length;
      if (size > limit) {
        held.length = 0;
        restore();
        resolve("too_large");
        return true; // dropped; the rest is discarded after the refusal
      }
      held.push(piece);
      return true;
    };
  });
}

export interface PipelineOptions extends GuardConfig, SecurityHeaderOptions {}

/** Wraps Next's request handler (or any) in the guard. */
export function guardedHandler(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown> | void,
  options: PipelineOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  const run = (req: IncomingMessage, res: ServerResponse) => {
    Promise.resolve(handle(req, res)).catch((error: unknown) => {
      console.error("[http] request failed", error);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      }
    });
  };
  return (req, res) => {
    addSecurityHeaders(req, res, options);
    const facts = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers };
    const refusal = guardRequest(facts, options);
    const declared = header(req.headers, "content-length");
    const chunked = declared === undefined && header(req.headers, "transfer-encoding") !== undefined;
    if (refusal) {
      refuse(req, res, refusal, { close: chunked || Number(declared ?? 0) > DRAIN_MAX });
      return;
    }
    const limit = bodyLimitFor(facts.method, facts.url);
    if (limit === null || !chunked) {
      // A declared length is the most the parser lets through, and it was checked above.
      run(req, res);
      return;
    }
    void holdBody(req, limit).then((outcome) => {
      if (outcome === "fits") run(req, res);
      else if (outcome === "too_large") refuse(req, res, tooLarge(limit), { close: true });
    });
  };
}
