"use client";
// The reply box's canned replies (staff): typing "::" and letters opens a list filtered by shortcut
// and title; arrows move, Enter inserts, Escape closes. Choosing one replaces the "::name" with the
// body filled for this ticket on the server; a macro's other changes are announced before sending.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type KeyboardEvent } from "react";
import { useTRPC } from "../../_lib/trpc";

export interface PickedMacro {
  id: number;
  title: string;
  setStatus: string | null;
  setPriority: string | null;
  addTags: string[];
}

/** The "::name" just before the caret, if any. */
function typedAt(body: string, caret: number) {
  const m = /(?:^|\s)::([\p{L}\p{N}_-]*)$/u.exec(body.slice(0, caret));
  return m ? { query: m[1]!.toLowerCase(), start: caret - m[1]!.length - 2 } : null;
}

export function useCannedPicker(ticketId: string, enabled: boolean) {
  const trpc = useTRPC();
  const [caret, setCaret] = useState<{ body: string; at: number } | null>(null);
  const [active, setActive] = useState(0);
  const [closedFor, setClosedFor] = useState<string | null>(null);
  const typed = enabled && caret ? typedAt(caret.body, caret.at) : null;
  const open = !!typed && closedFor !== caret!.body;
  const replies = useQuery({ ...trpc.canned.forTicket.queryOptions({ ticket: ticketId }), enabled: enabled && open });
  const matches = (replies.data ?? []).filter(
    (r) => !typed || r.shortcut.includes(typed.query) || r.title.toLowerCase().includes(typed.query),
  );
  const current = Math.min(active, Math.max(matches.length - 1, 0));
  return { typed, open, replies, matches, current, setActive, setCaret, close: () => setClosedFor(caret?.body ?? null) };
}

export type CannedPickerState = ReturnType<typeof useCannedPicker>;

/** Keys for the textarea while the list is open; true when the key was the picker's. */
export function pickerKeyDown(p: CannedPickerState, e: KeyboardEvent, choose: (i: number) => void): boolean {
  if (!p.open) return false;
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    if (!p.matches.length) return false;
    e.preventDefault();
    p.setActive((p.current + (e.key === "ArrowDown" ? 1 : p.matches.length - 1)) % p.matches.length);
    return true;
  }
  if (e.key === "Enter" && p.matches.length) {
    e.preventDefault();
    choose(p.current);
    return true;
  }
  if (e.key === "Escape") {
    e.preventDefault();
    p.close();
    return true;
  }
  return false;
}

export function CannedList({ picker, onChoose }: { picker: CannedPickerState; onChoose: (i: number) => void }) {
  const t = useTranslations("Canned");
  if (!picker.open) return null;
  return (
    <div className="rounded-md border border-slate-300 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900">
      <p className="sr-only" role="status">
        {picker.replies.isPending ? t("pickerLoading") : t("pickerCount", { count: picker.matches.length })}
      </p>
      {picker.replies.isPending ? (
        <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-300">{t("pickerLoading")}</p>
      ) : picker.matches.length === 0 ? (
        <p className="px-3 py-2 text-sm text-slate-600 dark:text-slate-300">{t("pickerEmpty", { typed: picker.typed?.query ?? "" })}</p>
      ) : (
        <ul id="canned-list" role="listbox" aria-label={t("pickerLabel")} className="max-h-64 overflow-y-auto py-1">
          {picker.matches.map((r, i) => (
            <li
              key={r.id}
              id={`canned-option-${r.id}`}
              role="option"
              aria-selected={i === picker.current}
              onMouseDown={(e) => {
                e.preventDefault();
                onChoose(i);
              }}
              className="cursor-pointer px-3 py-2 text-sm aria-selected:bg-brand-100 aria-selected:text-brand-900 dark:aria-selected:bg-brand-800 dark:aria-selected:text-brand-50"
            >
              <span className="font-mono font-semibold">::{r.shortcut}</span> <span>{r.title}</span>
              {(r.setStatus || r.setPriority || r.addTags.length > 0) && (
                <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">{t("macroBadge")}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="border-t border-slate-200 px-3 py-1 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-300">
        {t("pickerHint")}
      </p>
    </div>
  );
}
