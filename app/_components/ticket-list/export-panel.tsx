"use client";
// Export of the tickets one sees to CSV or Excel, from Mis Tickets and the agent queue: a date range
// and the columns (the tags column for staff only); the file streams in with a progress indicator
// and is saved by the browser.
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { exportInput } from "../../../server/trpc/tickets/export.schema";
import { exportFields as allFields, staffOnlyExportFields, type ExportField } from "../../../server/tickets/export/fields";
import { instantToWallTime } from "../../../server/i18n/time-zone";
import { CheckboxGroup } from "../checkbox-group";
import { FormMessage, buttonClass } from "../field";
import { useTRPCClient } from "../../_lib/trpc";
import { useFormErrors } from "../../_lib/use-form-errors";

const defaultFields: ExportField[] = ["number", "subject", "status", "priority", "department", "createdAt", "updatedAt"];
/** Calendar days in the profile's zone, as the server reads the range (not the UTC day, which is
 * yesterday for Madrid between 23:00 and midnight UTC). */
const dayIn = (timeZone: string, daysAgo = 0) => instantToWallTime(new Date(Date.now() - daysAgo * 86_400_000), timeZone).slice(0, 10);

export function ExportPanel({ staff = false, timeZone }: { staff?: boolean; timeZone: string }) {
  const exportFields = staff ? allFields : allFields.filter((f) => !staffOnlyExportFields.has(f));
  const t = useTranslations("Export");
  const client = useTRPCClient();
  const { errors, check, fromError, clear } = useFormErrors();
  const [format, setFormat] = useState<"csv" | "xlsx">("csv");
  const [from, setFrom] = useState(() => dayIn(timeZone, 30));
  const [to, setTo] = useState(() => dayIn(timeZone));
  const [fields, setFields] = useState<ExportField[]>(defaultFields);
  const [progress, setProgress] = useState<{ done: number; total: number; finished: boolean } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const values = { format, from, to, fields: exportFields.filter((f) => fields.includes(f)) };
    if (!check(exportInput, values)) return;
    clear();
    setProgress({ done: 0, total: 0, finished: false });
    try {
      const parts: BlobPart[] = [];
      let meta = { filename: "tickets", mime: "application/octet-stream", total: 0 };
      let done = 0;
      for await (const chunk of await client.tickets.export.mutate(values)) {
        if (chunk.kind === "start") meta = chunk;
        else {
          parts.push(Uint8Array.from(atob(chunk.base64), (c) => c.charCodeAt(0)));
          done += chunk.rows;
        }
        setProgress({ done, total: meta.total, finished: false });
      }
      const url = URL.createObjectURL(new Blob(parts, { type: meta.mime }));
      const link = Object.assign(document.createElement("a"), { href: url, download: meta.filename });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setProgress({ done, total: meta.total, finished: true });
    } catch (error) {
      setProgress(null);
      fromError(error);
    }
  }

  const input = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";
  return (
    <details className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <summary className="cursor-pointer px-4 py-2 text-sm font-medium">{t("open")}</summary>
      <form onSubmit={submit} className="flex flex-col gap-3 border-t border-slate-200 p-4 dark:border-slate-800" noValidate>
        {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
        <div className="flex flex-wrap items-end gap-4">
          <fieldset className="flex flex-col gap-1">
            <legend className="text-xs font-medium">{t("format")}</legend>
            <div className="flex gap-3 text-sm">
              {(["csv", "xlsx"] as const).map((f) => (
                <label key={f} className="flex items-center gap-1.5">
                  <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
                  {t(f)}
                </label>
              ))}
            </div>
          </fieldset>
          <label className="flex flex-col gap-1 text-xs font-medium">
            {t("from")}
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} className={input} />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium">
            {t("to")}
            <input
              type="date"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              className={input}
              aria-invalid={!!errors.fields.to || undefined}
            />
            {errors.fields.to && <span className="text-red-600">{errors.fields.to}</span>}
          </label>
        </div>
        <CheckboxGroup
          legend={t("fieldsLabel")}
          options={exportFields.map((f) => ({ id: f, name: t(`fields.${f}`) }))}
          selected={fields}
          onChange={(ids) => setFields(ids as ExportField[])}
          error={errors.fields.fields}
        />
        <div className="flex items-center gap-3">
          <button type="submit" className={buttonClass} disabled={!!progress && !progress.finished}>
            {t("download")}
          </button>
          {progress && (
            <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
              {progress.finished ? t("done", { total: progress.total }) : t("progress", { done: progress.done, total: progress.total })}
            </p>
          )}
        </div>
        {progress && !progress.finished && progress.total > 0 && <progress className="w-full" max={progress.total} value={progress.done} />}
      </form>
    </details>
  );
}
