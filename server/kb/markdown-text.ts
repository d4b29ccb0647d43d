// An article's Markdown as plain words: what the search indexes (no link targets, no markup) and
// the excerpt lists show. Pure text work, no rendering: the pages render with react-markdown.

/** The text a reader sees, without Markdown's marks (headings, lists, emphasis, links, code fences). */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n?/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, "")
    .replace(/[*_~`]+/g, "")
    .replace(/^\s*[-=]{3,}\s*$/gm, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The first `max` characters of the text, cut at a word, with "…" when something was cut. */
export function excerptOf(markdown: string, max = 160): string {
  const text = markdownToText(markdown);
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}
