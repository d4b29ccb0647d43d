"use client";
// Drag-and-drop or pick several files; each shows its progress, its size, and a button to remove
// it before sending. Refused files say why (translated, naming the file and the rule).
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { formatBytes } from "./upload-file";
import type { UploadLimits, Uploads } from "./use-uploads";

export function AttachmentPicker({ uploads, limits }: { uploads: Uploads; limits: UploadLimits }) {
  const t = useTranslations("Attachments");
  const locale = useLocale();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  return (
    <div className="flex flex-col gap-2" data-testid="attachment-picker">
      <div
        className={`flex flex-col items-center gap-1 rounded-md border-2 border-dashed px-3 py-4 text-center text-sm ${over ? "border-brand-600 bg-brand-50 dark:bg-slate-800" : "border-slate-300 dark:border-slate-700"}`}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          uploads.add(Array.from(e.dataTransfer.files));
        }}
        data-testid="drop-zone"
      >
        <span>
          {t("dropHint")}{" "}
          <button
            type="button"
            className="font-semibold text-brand-700 underline dark:text-brand-300"
            onClick={() => input.current?.click()}
          >
            {t("pick")}
          </button>
        </span>
        <span id={`${id}-rules`} className="text-xs text-slate-500 dark:text-slate-400">
          {t("rules", { types: limits.extensions.join(", "), max: Math.round(limits.maxMessageBytes / 1024 / 1024) })}
        </span>
        <label htmlFor={`${id}-input`} className="sr-only">
          {t("label")}
        </label>
        <input
          id={`${id}-input`}
          ref={input}
          type="file"
          multiple
          className="sr-only"
          accept={limits.extensions.join(",")}
          aria-describedby={`${id}-rules`}
          onChange={(e) => {
            uploads.add(Array.from(e.target.files ?? []));
            e.target.value = "";
          }}
          data-testid="file-input"
        />
      </div>
      {uploads.items.length > 0 && (
        <ul className="flex flex-col gap-1.5" aria-label={t("label")}>
          {uploads.items.map((item) => (
            <li
              key={item.key}
              data-testid="upload-item"
              data-status={item.status}
              className={`rounded-md border px-3 py-2 text-sm ${item.status === "refused" ? "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950" : "border-slate-200 dark:border-slate-700"}`}
            >
              <div className="flex items-center gap-2">
                <span className="min-w-0 flex-1 truncate font-medium">{item.name}</span>
                <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{formatBytes(item.size, locale)}</span>
                <button
                  type="button"
                  className="shrink-0 rounded px-1.5 text-lg leading-none hover:bg-slate-100 dark:hover:bg-slate-800"
                  aria-label={t("remove", { name: item.name })}
                  onClick={() => uploads.remove(item.key)}
                >
                  ×
                </button>
              </div>
              {item.status === "refused" ? (
                <p role="alert" className="mt-1 text-red-700 dark:text-red-300">
                  {item.error}
                </p>
              ) : (
                <div className="mt-1 flex items-center gap-2">
                  <progress
                    className="h-1.5 flex-1 accent-brand-600"
                    max={100}
                    value={Math.round(item.progress * 100)}
                    aria-label={t("progress", { name: item.name })}
                  />
                  <span className="w-20 text-right text-xs text-slate-500 dark:text-slate-400">
                    {item.status === "done" ? t("uploaded") : `${Math.round(item.progress * 100)} %`}
                  </span>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
