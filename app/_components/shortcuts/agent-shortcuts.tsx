"use client";
// The agent workspace's keyboard shortcuts on one page, and the button that shows them (so people
// who use the mouse find them too). Mounted only by agent pages: the partners' portal has none.
//   everywhere  ?  this help (Escape closes it)
//   ticket      r  reply · n  internal note · a  take ("Asignarme") · j/k  next/previous of the queue
// The queue's own keys (j/k/Enter/o over its rows) live with its rows: see useQueueCursor.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "../../_i18n/navigation";
import { requestComposer } from "./composer";
import { queueNeighbour } from "./queue";
import { ShortcutHelp } from "./shortcut-help";
import { useShortcuts, type ShortcutMap } from "./use-shortcuts";
import { ticketHref } from "../../_lib/back-to-list";

/** Presses the take button ("Asignarme", `data-shortcut="take"`) when the page shows it enabled. */
function take(): boolean {
  const button = document.querySelector<HTMLButtonElement>('button[data-shortcut="take"]');
  if (!button || button.disabled) return false;
  button.click();
  return true;
}

export function AgentShortcuts(props: { scope: "queue" } | { scope: "ticket"; reference: string }) {
  const t = useTranslations("Shortcuts");
  const router = useRouter();
  const [helpOpen, setHelpOpen] = useState(false);

  const go = (step: 1 | -1) => {
    if (props.scope !== "ticket") return false;
    const target = queueNeighbour(props.reference, step);
    if (!target) return false;
    // The next ticket keeps the way back to the same filtered queue.
    router.push(ticketHref("/agent/tickets", target, new URLSearchParams(window.location.search).get("from") ?? ""));
  };
  const map: ShortcutMap = { "?": () => setHelpOpen(true) };
  if (props.scope === "ticket") {
    Object.assign(map, {
      r: () => requestComposer("reply"),
      n: () => requestComposer("note"),
      a: take,
      j: () => go(1),
      k: () => go(-1),
    } satisfies ShortcutMap);
  }
  useShortcuts(map);

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="?"
        onClick={() => setHelpOpen(true)}
        data-testid="shortcuts-button"
        className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs text-slate-600 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        {t("button")}
      </button>
      {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
    </>
  );
}
