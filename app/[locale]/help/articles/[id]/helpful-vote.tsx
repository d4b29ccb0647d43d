"use client";
// "¿Fue útil?" Sí / No (seed 002): one vote per reader, changeable; the chosen answer stays pressed
// and a thanks says it was counted.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FormMessage } from "../../../../_components/field";
import { useTRPC } from "../../../../_lib/trpc";
import { useFormErrors } from "../../../../_lib/use-form-errors";

export function HelpfulVote({ articleId, initial }: { articleId: number; initial: boolean | null }) {
  const t = useTranslations("Help");
  const trpc = useTRPC();
  const vote = useMutation(trpc.help.vote.mutationOptions());
  const { errors, fromError, clear } = useFormErrors();
  const [choice, setChoice] = useState<boolean | null>(initial);
  const [thanked, setThanked] = useState(false);

  async function choose(helpful: boolean) {
    clear();
    try {
      await vote.mutateAsync({ articleId, helpful });
      setChoice(helpful);
      setThanked(true);
    } catch (error) {
      fromError(error);
    }
  }

  const button = (helpful: boolean, label: string) => (
    <button
      type="button"
      aria-pressed={choice === helpful}
      disabled={vote.isPending}
      onClick={() => void choose(helpful)}
      className="inline-flex min-w-16 items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60 aria-pressed:border-brand-700 aria-pressed:bg-brand-700 aria-pressed:text-white dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800 dark:aria-pressed:border-brand-500 dark:aria-pressed:bg-brand-800"
    >
      {label}
    </button>
  );
  return (
    <section
      aria-labelledby="help-vote"
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="help-vote" className="text-base font-semibold">
          {t("wasHelpful")}
        </h2>
        <div role="group" aria-labelledby="help-vote" className="flex gap-2">
          {button(true, t("yes"))}
          {button(false, t("no"))}
        </div>
      </div>
      {thanked && <FormMessage kind="success">{t(choice ? "thanksHelpful" : "thanksNotHelpful")}</FormMessage>}
      {!thanked && choice !== null && <p className="text-sm text-slate-600 dark:text-slate-400">{t("alreadyVoted")}</p>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
    </section>
  );
}
