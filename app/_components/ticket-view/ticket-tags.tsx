"use client";
// Support's tags on a ticket: each tag with a button to remove it, and a combobox that suggests the
// tags already in use as the agent types (arrow keys move through them, Enter adds the highlighted
// suggestion or what was typed). Staff only: a customer's ticket has no tags to show.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDeferredValue, useId, useState, type KeyboardEvent } from "react";
import { useTRPC } from "../../_lib/trpc";
import { FormMessage } from "../field";
import { useTicketAction } from "./use-ticket-action";

export function TicketTags({ ticketId, tags }: { ticketId: string; tags: string[] }) {
  const t = useTranslations("Tags");
  const trpc = useTRPC();
  const action = useTicketAction();
  const change = useMutation(trpc.tickets.tags.change.mutationOptions());
  const [typed, setTyped] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDeferredValue(typed.trim());
  const suggestions = useQuery({ ...trpc.tickets.tags.suggest.queryOptions({ q: query }), enabled: open });
  const options = (suggestions.data ?? []).map((s) => s.name).filter((n) => !tags.includes(n));
  const listId = useId();
  const inputId = useId();

  const add = async (name: string) => {
    const clean = name.trim();
    if (!clean) return;
    if (await action.run(() => change.mutateAsync({ ticket: ticketId, add: [clean], remove: [] }))) {
      setTyped("");
      setActive(-1);
    }
  };
  const remove = (name: string) => void action.run(() => change.mutateAsync({ ticket: ticketId, add: [], remove: [name] }));

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" && options.length) {
      e.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (e.key === "ArrowUp" && options.length) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (e.key === "Enter") {
      e.preventDefault();
      void add(active >= 0 && options[active] ? options[active] : typed);
    } else if (e.key === "Escape") {
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="flex flex-col gap-2 text-xs font-medium text-slate-600 dark:text-slate-300">
      <label htmlFor={inputId}>{t("label")}</label>
      {tags.length > 0 ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={t("current")}>
          {tags.map((tag) => (
            <li
              key={tag}
              className="flex items-center gap-1 rounded-full bg-white py-0.5 pl-2.5 pr-1 text-sm text-slate-800 ring-1 ring-slate-300 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600"
            >
              {tag}
              <button
                type="button"
                className="rounded-full px-1.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-700 dark:hover:text-white"
                aria-label={t("remove", { tag })}
                disabled={action.busy}
                onClick={() => remove(tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="font-normal text-slate-600 dark:text-slate-400">{t("none")}</p>
      )}
      <div className="relative">
        <input
          id={inputId}
          role="combobox"
          aria-expanded={open && options.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
          autoComplete="off"
          maxLength={40}
          placeholder={t("placeholder")}
          className="w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
          value={typed}
          disabled={action.busy}
          onChange={(e) => {
            setTyped(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          onKeyDown={onKeyDown}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t("suggestions")}
          hidden={!open || options.length === 0}
          className="absolute z-10 mt-1 max-h-48 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 text-sm font-normal shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {options.map((name, i) => (
            <li
              key={name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="cursor-pointer px-2 py-1 text-slate-800 aria-selected:bg-brand-100 aria-selected:text-slate-900 dark:text-slate-100 dark:aria-selected:bg-slate-700 dark:aria-selected:text-white"
              // mousedown, not click: the input's blur would close the list before the click lands.
              onMouseDown={(e) => {
                e.preventDefault();
                void add(name);
              }}
            >
              {name}
            </li>
          ))}
        </ul>
      </div>
      {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
    </div>
  );
}
