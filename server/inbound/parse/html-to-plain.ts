// The text of an HTML-only mail, as a person reads it: the HTML is first made safe (sanitize-html
// keeps only ordinary text markup, so scripts, styles, Outlook's conditional comments and <head>
// never reach the text), then turned into plain text. Links keep their words without the URL (no
// "[https://…]" soup), images are dropped, paragraphs, lists and line breaks keep their shape;
// blockquotes become "> " lines so the quote stripping that follows recognises them.
import sanitizeHtml from "sanitize-html";
import { compile } from "html-to-text";

/** HTML past this size is cut before conversion (a mail's text is never that long; its bytes may be). */
export const MAX_HTML_CHARS = 2 * 1024 * 1024;

const toText = compile({
  wordwrap: false,
  limits: { maxInputLength: MAX_HTML_CHARS + 1024, maxDepth: 200 },
  selectors: [
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    // Outlook writes every line as its own <p class=MsoNormal> and its blank lines as paragraphs of
    // &nbsp;: a single line break each keeps the spacing the writer saw.
    { selector: "p.MsoNormal", format: "paragraph", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: "h1", options: { uppercase: false } },
    { selector: "h2", options: { uppercase: false } },
    { selector: "h3", options: { uppercase: false } },
    { selector: "h4", options: { uppercase: false } },
    { selector: "h5", options: { uppercase: false } },
    { selector: "h6", options: { uppercase: false } },
    { selector: "hr", format: "horizontalLine", options: { length: 32 } },
    // Mail layouts are tables (signatures, newsletters): each cell on its own line, not glued to the next.
    { selector: "td", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: "th", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
  ],
});

export function htmlToPlain(html: string): { text: string; truncated: boolean } {
  const truncated = html.length > MAX_HTML_CHARS;
  const safe = sanitizeHtml(truncated ? html.slice(0, MAX_HTML_CHARS) : html, {
    allowedTags: sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== "img"),
    // Only the class Outlook's paragraphs are recognised by; nothing else is needed for text.
    allowedAttributes: { p: ["class"] },
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "head", "xml"],
  });
  return { text: toText(safe), truncated };
}
