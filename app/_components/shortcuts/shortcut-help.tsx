"use client";
// The list of keyboard shortcuts, as a modal dialog: focus moves into it, Escape or the close button
// (or a click beside it) closes it and focus returns to where it was.
import { useLocale, useTranslations } from "next-intl";
import { Fragment, useEffect, useId, useRef } from "react";
import { keyParts } from "./key-list";

type Row = { keys: string[]; label: string };

const kbd =
  "inline-flex min-w-7 justify-center rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs font-semibold shadow-[0_1px_0] shadow-slate-300 dark:border-slate-600 dark:bg-slate-800 dark:shadow-slate-700";

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const t = useTranslations("Shortcuts");
  const tb = useTranslations("Bulk");
  const locale = useLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const introId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    closeButton.current?.focus();
    // Not closed on unmount: a removed dialog leaves the top layer by itself, and a close() here
    // would fire a late "close" event at the next mount (React's development double effects).
    return () => {
      if (opener?.isConnected && (document.activeElement === document.body || document.activeElement === null)) opener.focus();
    };
  }, []);

  const groups: { title: string; rows: Row[] }[] = [
    {
      title: t("groups.general"),
      rows: [
        { keys: ["?"], label: t("actions.help") },
        { keys: [t("keys.escape")], label: t("actions.closeHelp") },
      ],
    },
    {
      title: t("groups.queue"),
      rows: [
        { keys: ["j"], label: t("actions.down") },
        { keys: ["k"], label: t("actions.up") },
        { keys: [t("keys.enter"), "o"], label: t("actions.open") },
        { keys: ["x"], label: tb("shortcut") },
      ],
    },
    {
      title: t("groups.ticket"),
      rows: [
        { keys: ["r"], label: t("actions.reply") },
        { keys: ["n"], label: t("actions.note") },
        { keys: ["a"], label: t("actions.take") },
        { keys: ["j"], label: t("actions.next") },
        { keys: ["k"], label: t("actions.previous") },
      ],
    },
  ];

  return (
    <dialog
      ref={dialog}
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={introId}
      data-testid="shortcut-help"
      onClose={onClose}
      onClick={(event) => {
        if (event.target === dialog.current) dialog.current.close(); // the backdrop
      }}
      className="m-auto max-h-[85dvh] w-[min(34rem,calc(100%-2rem))] overflow-y-auto rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex flex-col gap-4 p-5">
        <div className="flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-lg font-semibold">
            {t("title")}
          </h2>
          <button
            ref={closeButton}
            type="button"
            onClick={() => dialog.current?.close()}
            className="rounded-md border border-slate-300 px-3 py-1 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {t("close")}
          </button>
        </div>
        <p id={introId} className="text-sm text-slate-600 dark:text-slate-300">
          {t("intro")}
        </p>
        {groups.map((group) => (
          <section key={group.title} className="flex flex-col gap-2">
            <h3 className="text-sm font-semibold text-slate-600 dark:text-slate-300">{group.title}</h3>
            <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
              {group.rows.map((row) => (
                <div key={row.label} className="contents" data-testid="shortcut">
                  <dt className="flex items-center gap-1.5 whitespace-nowrap">
                    {keyParts(row.keys, locale).map((part, i) => (
                      <Fragment key={i}>
                        {part.kind === "key" ? (
                          <kbd className={kbd}>{part.value}</kbd>
                        ) : (
                          <span className="text-xs whitespace-pre text-slate-600 dark:text-slate-300">{part.value}</span>
                        )}
                      </Fragment>
                    ))}
                  </dt>
                  <dd>{row.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
