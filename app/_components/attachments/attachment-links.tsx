"use client";
// Files as the thread and the "Adjuntos" list show them: name, size and type, a download link
// through the authorized route, and a small inline preview for images.
import { useLocale, useTranslations } from "next-intl";
import { formatBytes } from "./upload-file";

export interface FileRef {
  id: string;
  name: string;
  size: number;
  fileType: string;
}

const images = new Set(["png", "jpg", "gif"]);

export function AttachmentLinks({ files, previews = false }: { files: FileRef[]; previews?: boolean }) {
  const t = useTranslations("Attachments");
  const locale = useLocale();
  return (
    <ul className="flex flex-col gap-1.5" data-testid="attachment-links">
      {files.map((f) => (
        <li key={f.id} className="flex items-center gap-2 text-sm" data-testid="attachment">
          {previews && images.has(f.fileType) && (
            // eslint-disable-next-line @next/next/no-img-element -- served by the authorized route, not Next's optimizer
            <img
              src={`/api/attachments/${f.id}?inline=1`}
              alt=""
              className="h-10 w-10 shrink-0 rounded border border-slate-200 object-cover dark:border-slate-700"
              loading="lazy"
            />
          )}
          <a
            href={`/api/attachments/${f.id}`}
            download={f.name}
            className="min-w-0 truncate font-medium text-brand-700 underline dark:text-brand-300"
            aria-label={t("download", { name: f.name })}
          >
            {f.name}
          </a>
          <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">
            {formatBytes(f.size, locale)} · {f.fileType.toUpperCase()}
          </span>
        </li>
      ))}
    </ul>
  );
}
