"use client";
// Articles that may already answer the question, matched to the title as it is typed.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useDebounced } from "../../../../_lib/use-debounced";
import { useTRPC } from "../../../../_lib/trpc";

export function KbSuggestions({ text }: { text: string }) {
  const t = useTranslations("TicketForm");
  const trpc = useTRPC();
  const settled = useDebounced(text.trim(), 350);
  const query = useQuery({
    ...trpc.kb.suggest.queryOptions({ text: settled }),
    enabled: settled.length >= 3,
    placeholderData: keepPreviousData,
  });
  const articles = settled.length >= 3 ? (query.data ?? []) : [];
  if (!articles.length) return null;
  return (
    <aside
      aria-live="polite"
      className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-800 dark:bg-sky-950"
      data-testid="kb-suggestions"
    >
      <h2 className="mb-1 font-semibold">{t("suggestions")}</h2>
      <ul className="flex flex-col gap-1.5">
        {articles.map((a) => (
          <li key={a.id}>
            <p className="font-medium">{a.title}</p>
            <p className="text-xs text-slate-600 dark:text-slate-300">{a.excerpt}</p>
          </li>
        ))}
      </ul>
    </aside>
  );
}
