// Small pieces the admin screens share: a labelled select with its translated error, the search
// form of a list, and the card and table styles.
import type { ReactNode, SelectHTMLAttributes } from "react";

export const card = "rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900";
export const selectClass =
  "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-500/30 aria-[invalid]:border-red-500 dark:border-slate-700 dark:bg-slate-900";
export const smallButtonClass =
  "inline-flex items-center justify-center rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";
export const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950";

export function SelectField({
  id,
  label,
  error,
  hint,
  children,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className={selectClass} {...select}>
        {children}
      </select>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

/** A list's search: a GET form (the address keeps the query, so reload and back keep it) with a
 * search box named `q`, optional extra filters, and its button. */
export function AdminSearch({
  id,
  label,
  q,
  button,
  children,
}: {
  id: string;
  label: string;
  q: string;
  button: string;
  children?: ReactNode;
}) {
  return (
    <form role="search" action="" className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={q}
          maxLength={120}
          className="w-72 max-w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-500/30 dark:border-slate-700 dark:bg-slate-900"
        />
      </div>
      {children}
      <button
        type="submit"
        className="rounded-md border border-slate-300 px-3 py-2 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {button}
      </button>
    </form>
  );
}
