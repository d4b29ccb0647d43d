// Type declarations for the two HTML libraries the mail parser uses, which ship none (there is no
// @types package in the project for them): only the calls parse/html-to-plain.ts makes, typed after
// their READMEs (sanitize-html 2.18, html-to-text 10).

declare module "sanitize-html" {
  interface SanitizeOptions {
    allowedTags?: string[] | false;
    allowedAttributes?: Record<string, string[]> | false;
    /** Tags dropped together with their text (default: script, style, textarea, option, noscript). */
    nonTextTags?: string[];
    allowedSchemes?: string[];
    allowProtocolRelative?: boolean;
  }
  interface SanitizeHtml {
    (dirty: string, options?: SanitizeOptions): string;
    defaults: { allowedTags: string[] };
  }
  const sanitizeHtml: SanitizeHtml;
  export default sanitizeHtml;
}

declare module "html-to-text" {
  interface SelectorDefinition {
    selector: string;
    format?: string;
    options?: Record<string, unknown>;
  }
  interface HtmlToTextOptions {
    wordwrap?: number | false | null;
    selectors?: SelectorDefinition[];
    limits?: { maxInputLength?: number; maxDepth?: number; maxChildNodes?: number; ellipsis?: string };
    decodeEntities?: boolean;
    preserveNewlines?: boolean;
  }
  export function compile(options?: HtmlToTextOptions): (html: string) => string;
  export function convert(html: string, options?: HtmlToTextOptions): string;
}
