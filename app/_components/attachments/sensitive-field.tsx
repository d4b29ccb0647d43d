"use client";
// The sensitive-information box (seed 002, Bloque 4): what it is for, and that it is encrypted,
// seen only by authorized support staff and erased when the ticket closes.
import { useTranslations } from "next-intl";
import { LockIcon } from "./lock-icon";

export function SensitiveField({
  id,
  value,
  onChange,
  error,
  notice,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  notice?: string;
}) {
  const t = useTranslations("Sensitive");
  return (
    <div className="flex flex-col gap-1 rounded-md border border-emerald-300 bg-emerald-50/50 p-3 dark:border-emerald-800 dark:bg-emerald-950/40">
      <label htmlFor={id} className="flex items-center gap-1.5 text-sm font-medium">
        <LockIcon /> {t("label")}
      </label>
      {notice && (
        <p className="text-sm font-medium text-amber-800 dark:text-amber-200" data-testid="sensitive-ask-again">
          {notice}
        </p>
      )}
      <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-300">
        {t("hint")}
      </p>
      <textarea
        id={id}
        rows={3}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
        className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm dark:border-slate-700 dark:bg-slate-900"
      />
      {error && <p className="text-sm text-red-600 dark:text-red-400">{error}</p>}
    </div>
  );
}
