// The file types Mesa can accept (seed 002/003): how each is named, which content its bytes must
// show, and the content type downloads are served with. Pure. Which of these a deployment allows is
// policy (AttachmentPolicy.allowedTypes).

export interface FileTypeSpec {
  id: string;
  /** Name endings, lower-case, longest first where they overlap (".tar.gz" before ".gz"). */
  extensions: string[];
  /** What file-type's content sniffing must report (its `ext`); "text" for plain text, which has no
   * signature: any file without NUL bytes that no signature matches. */
  content: string[];
  /** Served with this content type: never HTML, SVG or anything a browser would run. */
  contentType: string;
  /** Images a browser may show inline (a preview in the thread). */
  preview: boolean;
}

export const fileTypes: readonly FileTypeSpec[] = [
  { id: "png", extensions: [".png"], content: ["png"], contentType: "image/png", preview: true },
  { id: "jpg", extensions: [".jpg", ".jpeg"], content: ["jpg"], contentType: "image/jpeg", preview: true },
  { id: "gif", extensions: [".gif"], content: ["gif"], contentType: "image/gif", preview: true },
  { id: "pdf", extensions: [".pdf"], content: ["pdf"], contentType: "application/pdf", preview: false },
  { id: "txt", extensions: [".txt"], content: ["text"], contentType: "text/plain; charset=utf-8", preview: false },
  { id: "log", extensions: [".log"], content: ["text"], contentType: "text/plain; charset=utf-8", preview: false },
  // Word 97–2003 documents are OLE compound files.
  { id: "doc", extensions: [".doc"], content: ["cfb"], contentType: "application/msword", preview: false },
  // A .docx is a ZIP; sniffing says docx when it can see the parts, zip when it cannot.
  {
    id: "docx",
    extensions: [".docx"],
    content: ["docx", "zip"],
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    preview: false,
  },
  // Office documents are ZIPs too, and a ZIP may hold one as its first entry.
  { id: "zip", extensions: [".zip"], content: ["zip", "docx", "xlsx", "pptx"], contentType: "application/zip", preview: false },
  { id: "tar.gz", extensions: [".tar.gz", ".tgz"], content: ["gz"], contentType: "application/gzip", preview: false },
];

export const fileTypeIds = fileTypes.map((t) => t.id);
export const defaultAllowedTypes = [...fileTypeIds];

export function fileTypeById(id: string): FileTypeSpec | undefined {
  return fileTypes.find((t) => t.id === id);
}

/** The type a file name claims, by its ending (case-insensitive), among `allowed`. */
export function typeByName(name: string, allowed: readonly string[] = fileTypeIds): FileTypeSpec | undefined {
  const lower = name.toLowerCase();
  return fileTypes
    .filter((t) => allowed.includes(t.id))
    .find((t) => t.extensions.some((e) => lower.endsWith(e) && lower.length > e.length));
}

/** Whether what the bytes showed (file-type's ext, or "text") fits the claimed type. */
export function contentMatches(spec: FileTypeSpec, sniffed: string): boolean {
  return spec.content.includes(sniffed);
}

/** The extensions of the allowed types, for messages and the file picker's `accept`. */
export function extensionsOf(allowed: readonly string[]): string[] {
  return fileTypes.filter((t) => allowed.includes(t.id)).flatMap((t) => t.extensions);
}
