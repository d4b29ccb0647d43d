// Whether a machine sent the mail, so that Mesa never answers it (no confirmation, no refusal: two
// auto-responders answering each other is the classic mail loop), and whether it is an
// out-of-office style auto-reply, which may at most become a staff-only note on a ticket.
//
// The rules, first match wins: Auto-Submitted other than "no" (RFC 3834), X-Autoreply,
// X-Autorespond, Precedence bulk/junk/list/auto_reply, X-Loop, List-Id, an empty Return-Path (the
// null sender of bounces and auto-replies), a From of mailer-daemon or postmaster, and a
// multipart/report delivery-status report (RFC 3464).
import type { AutomaticReason, MailAddress } from "./parsed-mail";
import { structured, type HeaderReader } from "./mail-headers";

const PRECEDENCE = new Set(["bulk", "junk", "list", "auto_reply", "auto-reply"]);
const DAEMONS = new Set(["mailer-daemon", "postmaster"]);

/** Subjects auto-responders put in front of the original one (Exchange, Gmail's vacation
 * responder, cPanel/Exim autoresponders), in the four languages Mesa speaks and German. */
const AUTO_REPLY_SUBJECT =
  /^\s*(?:respuesta automática|respuesta automatica|automatic reply|auto(?:matic)?[- ]?reply|auto-response|autoresponder|resposta automática|resposta automatica|réponse automatique|reponse automatique|out of (?:the )?office|fuera de (?:la )?oficina|fora do escritório|abwesenheitsnotiz|automatische antwort)\b/i;

export function isDeliveryReportType(contentType: string | null): boolean {
  const type = structured(contentType);
  const report = (type.params["report-type"] ?? "").toLowerCase();
  return type.value === "multipart/report" && (report === "delivery-status" || report === "global-delivery-status");
}

export const isDaemon = (from: MailAddress | null) => !!from && DAEMONS.has(from.address.split("@")[0] ?? "");

const autoSubmitted = (headers: HeaderReader) => (headers.first("auto-submitted") ?? "").split(";")[0]!.trim().toLowerCase();

export function automaticReason(headers: HeaderReader, from: MailAddress | null): AutomaticReason | null {
  const submitted = autoSubmitted(headers);
  if (headers.has("auto-submitted") && submitted !== "no") return "auto_submitted";
  if (headers.has("x-autoreply")) return "x_autoreply";
  if (headers.has("x-autorespond")) return "x_autorespond";
  if (PRECEDENCE.has((headers.first("precedence") ?? "").trim().toLowerCase())) return "precedence";
  if (headers.has("x-loop")) return "x_loop";
  if (headers.has("list-id")) return "list";
  // The first Return-Path is the one the last server wrote.
  const returnPath = headers.first("return-path");
  if (returnPath !== null && returnPath.replace(/\s+/g, "") === "<>") return "empty_return_path";
  if (isDaemon(from)) return "mailer_daemon";
  if (isDeliveryReportType(headers.first("content-type"))) return "delivery_report";
  return null;
}

/** Out-of-office and other auto-replies to a person's mail (as opposed to lists, newsletters and
 * bounces): Auto-Submitted: auto-replied, X-Autoreply, X-Autorespond, Precedence: auto_reply, or a
 * subject an auto-responder writes ("Respuesta automática:", "Automatic reply:", "Resposta
 * automática:", "Réponse automatique :", "Out of Office", "Fuera de la oficina"…). A bounce is
 * never one, even when its server marks it auto-replied. */
export function isAutoReply(headers: HeaderReader, subject: string, isBounce: boolean): boolean {
  if (isBounce) return false;
  if (autoSubmitted(headers) === "auto-replied") return true;
  if (headers.has("x-autoreply") || headers.has("x-autorespond")) return true;
  if (/^auto[_-]reply$/.test((headers.first("precedence") ?? "").trim().toLowerCase())) return true;
  return AUTO_REPLY_SUBJECT.test(subject);
}
