// Names of uploaded files: what is kept for display (no folders, no control characters, bounded
// length) and the Content-Disposition header that gives it back safely. Pure.

const MAX_NAME = 180;

/** The display name of an upload: its last path segment, without control or bidi-override
 * characters, trimmed to 180 characters keeping the extension. */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = last
    .normalize("NFC")
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim()
    .replace(/^\.+/, "");
  if (cleaned.length <= MAX_NAME) return cleaned;
  const dot = cleaned.toLowerCase().endsWith(".tar.gz") ? cleaned.length - 7 : cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, MAX_NAME - ext.length) + ext;
}

/** `attachment` (download) or `inline` (image preview), with an ASCII fallback name and the real
 * one in RFC 5987 form, so no quote or newline in a name can break the header. */
export function contentDisposition(kind: "attachment" | "inline", name: string): string {
  const ascii =
    name
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\%;]/g, "_") || "file";
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
