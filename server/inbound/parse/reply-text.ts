// The part of a mail's text a person wrote, apart from what their mail client added below it: the
// quoted history ("El … escribió:", Outlook's "De:/Enviado:/Para:/Asunto:" block, "-----Mensaje
// original-----", "> " lines) and the signature ("-- ", "Enviado desde mi iPhone"). What is cut is
// kept, so staff can still open it ("Mostrar texto citado").
//
// Two passes. A linear scan of our own finds where the history starts, for the shapes
// email-reply-parser misses or needs a blank line above (Spanish and Portuguese "Mensaje original"
// separators, Outlook blocks whose "De:" line has no address, attributions wrapped over up to three
// lines, "Enviado do meu iPhone"); everything from there on is quoted. email-reply-parser then reads
// what is above it for signatures and "> " quotes. Its regular expressions backtrack on long lines,
// so very long texts only get the linear pass.
import EmailReplyParser from "email-reply-parser";

export interface ReplySplit {
  body: string;
  quoted: string | null;
}

/** Past these, email-reply-parser is not run (its patterns are quadratic on a long line). */
const LIBRARY_MAX_CHARS = 100_000;
const LIBRARY_MAX_LINE = 4_000;
/** A line longer than this is never an attribution or a header line. */
const HEADER_LINE_MAX = 400;

/** CRLF and CR to LF, no BOM or non-breaking spaces, no trailing spaces, at most one blank line in a row. */
export function normaliseText(text: string): string {
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\u00A0/g, " ")
    .split("\n")
    .map((line) => line.trimEnd());
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+/, "")
    .trimEnd();
}

const ORIGINAL_MESSAGE =
  /^-{2,}\s*(?:original message|mensaje original|mensagem original|message d'origine|ursprüngliche nachricht|messaggio originale)\s*-{2,}$/i;
const FORWARD_MARKER =
  /^(?:-{2,}\s*(?:forwarded message|mensaje reenviado|mensagem encaminhada|message transféré|weitergeleitete nachricht)\s*-{2,}|(?:begin forwarded message|inicio del mensaje reenviado|início da mensagem reencaminhada|début du message réexpédié|début du message transféré)\s*:)$/i;
/** Subjects of a forward: the history below is what the person wants read, not an old quote. */
const FORWARD_SUBJECT = /^\s*(?:fwd?|fw|rv|tr|enc|reenv|wg)\s*:/i;
const SEPARATOR = /^(?:_{5,}|-{5,})$/;
const OUTLOOK_FROM = /^\*?(?:de|from|von|da|van)\s?:\*?\s*\S/i;
const OUTLOOK_SENT = /^\*?(?:enviado(?: el)?|sent|envoyé(?: le)?|enviada(?: em)?|date|fecha|data|gesendet|inviato|envoi)\s?:/i;
const OUTLOOK_SUBJECT = /^\*?(?:asunto|subject|objet|assunto|betreff|oggetto)\s?:/i;
const ATTRIBUTION_START = /^(?:>\s?)*(?:el|on|em|le|am|il|op|no dia)\s/i;
const ATTRIBUTION_END = /(?:escribió|wrote|escreveu|a écrit|écrit|schrieb|scritto|schreef)\s*:$/i;
/** The phone's line, Outlook mobile's advert: a signature the writer did not type. */
const DEVICE_SIGNATURE =
  /^(?:enviado desde mi|enviado do meu|enviado de meu|sent from my|envoyé de mon|envoyé depuis mon|obtener outlook para|get outlook for|baixe o outlook para|télécharger outlook pour)\s.{1,60}$/i;

const isQuoteLine = (line: string) => line.startsWith(">");

/** Whether line i starts Outlook's header block (De:, then Enviado: and Asunto: within a few lines). */
function isOutlookBlock(lines: string[], i: number): boolean {
  if (!OUTLOOK_FROM.test(lines[i]!)) return false;
  let sent = false;
  let subject = false;
  for (let j = i + 1; j < Math.min(lines.length, i + 7); j++) {
    const line = lines[j]!;
    if (line.length > HEADER_LINE_MAX) return false;
    if (OUTLOOK_SENT.test(line)) sent = true;
    if (OUTLOOK_SUBJECT.test(line)) subject = true;
    if (sent && subject) return true;
  }
  return false;
}

/** "El lun, 1 dic 2026 a las 10:00, Mesa <reply+…> escribió:", possibly wrapped over three lines:
 * the index of its last line, or -1. It must carry a date or an address, so "El técnico me escribió:"
 * in someone's own text is not taken for one. */
function attributionEnd(lines: string[], i: number): number {
  if (!ATTRIBUTION_START.test(lines[i]!)) return -1;
  let joined = "";
  for (let j = i; j < Math.min(lines.length, i + 3); j++) {
    const line = lines[j]!;
    if (line.length > HEADER_LINE_MAX || (j > i && line === "")) return -1;
    joined += (j > i ? " " : "") + line.replace(/^(?:>\s?)+/, "");
    if (ATTRIBUTION_END.test(joined)) return /\d|@/.test(joined) ? j : -1;
  }
  return -1;
}

/** Whether an unquoted line follows a "> " line after `from`: an answer written between the quotes,
 * which cutting at the attribution would hide. */
function interleaved(lines: string[], from: number): boolean {
  let sawQuote = false;
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!;
    if (isQuoteLine(line)) sawQuote = true;
    else if (sawQuote && line.trim() !== "") return true;
  }
  return false;
}

/** The first line of the history (or of a device signature), -1 when there is none, or "forward"
 * when a forward's marker comes first: what follows it is what the person sends to be read. */
function historyStart(lines: string[]): number | "forward" {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > HEADER_LINE_MAX) continue;
    if (FORWARD_MARKER.test(line)) return "forward";
    if (ORIGINAL_MESSAGE.test(line) || DEVICE_SIGNATURE.test(line)) return i;
    if (isOutlookBlock(lines, i)) {
      // The rule Outlook draws above the block belongs to it.
      let k = i - 1;
      while (k >= 0 && lines[k] === "") k--;
      return k >= 0 && SEPARATOR.test(lines[k]!) ? k : i;
    }
    const end = attributionEnd(lines, i);
    if (end >= 0) return interleaved(lines, end + 1) ? -1 : i;
  }
  return -1;
}

/** email-reply-parser on a text: what it shows, and what it hid (quotes, signatures). */
function libraryPass(text: string): { visible: string; hidden: string } {
  const fragments = new EmailReplyParser().read(text).getFragments();
  const visible = fragments.filter((f) => !f.isHidden()).map((f) => f.getContent());
  const hidden = fragments.filter((f) => f.isHidden() && !f.isEmpty()).map((f) => f.getContent());
  return { visible: visible.join("\n\n"), hidden: hidden.join("\n\n") };
}

function fitsLibrary(text: string): boolean {
  if (text.length > LIBRARY_MAX_CHARS) return false;
  let start = 0;
  while (start < text.length) {
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    if (stop - start > LIBRARY_MAX_LINE) return false;
    start = stop + 1;
  }
  return true;
}

/** Splits normalised text into what the person wrote and what was quoted or signed below it. */
export function splitReply(text: string, subject = ""): ReplySplit {
  const normalised = normaliseText(text);
  if (normalised === "") return { body: "", quoted: null };
  const lines = normalised.split("\n");
  const found = FORWARD_SUBJECT.test(subject) ? "forward" : historyStart(lines);
  const forward = found === "forward";
  const start = forward ? -1 : found;
  let top = normalised;
  let rest = "";
  // Only when the person wrote something above it: a reply written below the quote keeps it all.
  if (start > 0 && lines.slice(0, start).some((line) => line.trim() !== "" && !isQuoteLine(line))) {
    top = lines.slice(0, start).join("\n");
    rest = lines.slice(start).join("\n");
  }
  let body = top;
  let hidden = "";
  if (!forward && fitsLibrary(top)) {
    const pass = libraryPass(top);
    body = pass.visible;
    hidden = pass.hidden;
  }
  const quoted = normaliseText([hidden, rest].filter((part) => part.trim() !== "").join("\n\n"));
  return { body: normaliseText(body), quoted: quoted === "" ? null : quoted };
}
