"use client";
// The queue's tag filter (staff): the chosen tags as removable chips, and a field to add one, with
// the tags in use as suggestions (savedViews.tagSuggestions). Each is a `tag` field of the filters'
// GET form, so the URL carries them and the form works before this script has loaded.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useTRPC } from "../../_lib/trpc";
import { useDebounced } from "../../_lib/use-debounced";

export function TagFilter({ tags, className, labelClassName }: { tags: string[]; className: string; labelClassName: string }) {
  const t = useTranslations("SavedViews");
  const trpc = useTRPC();
  const [chosen, setChosen] = useState(tags);
  const [typed, setTyped] = useState("");
  const [focused, setFocused] = useState(false);
  const settled = useDebounced(typed, 200);
  const listId = useId();
  const suggestions = useQuery({ ...trpc.savedViews.tagSuggestions.queryOptions({ typed: settled }), enabled: focused, staleTime: 30_000 });
  return (
    <div className={labelClassName}>
      <label htmlFor={`${listId}-input`}>{t("tags")}</label>
      <div className="flex flex-wrap items-center gap-1">
        {chosen.map((tag) => (
          <span
            key={tag}
            className="inline-flex items-center gap-1 rounded-full bg-slate-200 px-2 py-0.5 text-xs text-slate-800 dark:bg-slate-700 dark:text-slate-100"
          >
            <input type="hidden" name="tag" value={tag} />
            {tag}
            <button
              type="button"
              aria-label={t("removeTag", { name: tag })}
              onClick={() => setChosen(chosen.filter((c) => c !== tag))}
              className="rounded-full px-1 hover:bg-slate-300 dark:hover:bg-slate-600"
            >
              ×
            </button>
          </span>
        ))}
        <input
          id={`${listId}-input`}
          name="tag"
          list={listId}
          value={typed}
          autoComplete="off"
          maxLength={40}
          placeholder={t("tagPlaceholder")}
          onChange={(e) => setTyped(e.target.value)}
          onFocus={() => setFocused(true)}
          className={`${className} w-36`}
        />
        <datalist id={listId}>
          {(suggestions.data ?? [])
            .filter((s) => !chosen.includes(s.name))
            .map((s) => (
              <option key={s.name} value={s.name} />
            ))}
        </datalist>
      </div>
    </div>
  );
}
