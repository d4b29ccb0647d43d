// A mail's files, as the ticket will list them: every attachment and inline part (an image the HTML
// shows through cid: is a file too, marked inline), named as the mail names it, a nameless part
// named after its type ("image-1.png"). The parts that only machines read are left out: the
// delivery-status and returned-headers parts of a bounce, and in a delivery report the returned
// message itself (it is Mesa's own mail; a message/rfc822 attached to an ordinary mail stays a
// file). Mesa decides later, from the name and the bytes, whether each file is acceptable; nothing
// here trusts the declared type.
import type { Attachment } from "mailparser";
import type { MailFile } from "./parsed-mail";

const MACHINE_PARTS = new Set([
  "message/delivery-status",
  "message/global-delivery-status",
  "text/rfc822-headers",
  "message/global-headers",
]);
const RETURNED_MESSAGE = new Set(["message/rfc822", "message/global"]);

const EXTENSIONS: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/jpg": "jpg",
  "image/pjpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/bmp": "bmp",
  "image/tiff": "tif",
  "image/svg+xml": "svg",
  "image/heic": "heic",
  "application/pdf": "pdf",
  "application/zip": "zip",
  "application/gzip": "gz",
  "application/x-gzip": "gz",
  "application/msword": "doc",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.ms-excel": "xls",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/ms-tnef": "dat",
  "message/rfc822": "eml",
  "text/plain": "txt",
  "text/html": "html",
  "text/csv": "csv",
  "text/calendar": "ics",
};

function prefixOf(contentType: string): string {
  const top = contentType.split("/")[0];
  if (top === "image" || top === "audio" || top === "video") return top;
  if (contentType === "message/rfc822") return "message";
  return "attachment";
}

/** The file name without a path or control characters (a name is the sender's to choose). */
function cleanName(name: string | undefined): string {
  const base =
    (name ?? "")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, "")
      .split(/[\\/]/)
      .pop() ?? "";
  return base.trim().slice(0, 255);
}

export function collectFiles(attachments: Attachment[], html: string, isReport: boolean): MailFile[] {
  const counters = new Map<string, number>();
  const files: MailFile[] = [];
  for (const part of attachments) {
    const contentType = (part.contentType || "application/octet-stream").toLowerCase();
    if (MACHINE_PARTS.has(contentType) || (isReport && RETURNED_MESSAGE.has(contentType))) continue;
    let name = cleanName(part.filename);
    if (!name) {
      const prefix = prefixOf(contentType);
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      const subtype = contentType.split("/")[1] ?? "";
      const ext = EXTENSIONS[contentType] ?? (contentType.startsWith("text/") ? "txt" : /^[a-z0-9]{1,5}$/.test(subtype) ? subtype : "bin");
      name = `${prefix}-${n}.${ext}`;
    }
    const cid = part.cid?.trim() || null;
    // Inline: an image the HTML body shows (cid:), or one its multipart/related part says belongs to it.
    const inline = !!cid && (!!part.related || html.includes(`cid:${cid}`));
    files.push({ name, contentType, content: part.content, inline, cid });
  }
  return files;
}
