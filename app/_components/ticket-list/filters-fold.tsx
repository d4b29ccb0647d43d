"use client";
// On a phone the list's filters fold behind one button (with how many are set); on a wider screen
// they are always shown and the button is not there.
import { useId, useState, type ReactNode } from "react";

export function FiltersFold({ label, active, children }: { label: string; active: number; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 md:hidden dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {label}
        {active > 0 && <span className="ml-1.5 rounded-full bg-brand-700 px-1.5 text-xs text-white">{active}</span>}
        <span aria-hidden className="ml-1">
          {open ? "▴" : "▾"}
        </span>
      </button>
      <div id={id} className={`${open ? "flex" : "hidden"} w-full flex-wrap items-end gap-3 md:flex md:w-auto`}>
        {children}
      </div>
    </>
  );
}
