"use client";
// Single-key shortcuts of the agent workspace. A key is a shortcut only when nobody is typing: not
// while focus is in an input, textarea, select or editable text, not with Ctrl, ⌘ or Alt held (those
// belong to the browser and the system), and not while a modal dialog is open (it has its own keys).
import { useEffect, useRef } from "react";

/** Returns false to decline the key (its default action then happens as usual). */
export type ShortcutHandler = (event: KeyboardEvent) => boolean | void;
export type ShortcutMap = Partial<Record<string, ShortcutHandler>>;

const EDITABLE = "input, textarea, select, [contenteditable]:not([contenteditable='false'])";

/** Whether the element takes typed text (so its keys are never shortcuts). */
export function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  return target.closest(EDITABLE) !== null;
}

/** A modal dialog is open: its own keys (Escape, Tab…) rule until it closes. */
export function modalOpen(): boolean {
  return document.querySelector("dialog[open], [role='dialog'][aria-modal='true']:not(dialog)") !== null;
}

/** The key as the shortcut tables name it: "j", "?", "Enter", "Escape" (Caps Lock does not matter). */
export function shortcutKey(event: KeyboardEvent): string {
  const key = event.key;
  return key.length === 1 && !event.shiftKey ? key.toLowerCase() : key;
}

/** Whether this keystroke may be taken as a shortcut. */
export function isShortcutEvent(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  if (isEditable(event.target) || isEditable(document.activeElement)) return false;
  return !modalOpen();
}

/** Listens for the keys of `map` on the whole page while mounted (no listener at all for an empty
 * map). The map may change every render. */
export function useShortcuts(map: ShortcutMap): void {
  const current = useRef(map);
  useEffect(() => {
    current.current = map;
  });
  const listening = Object.keys(map).length > 0;
  useEffect(() => {
    if (!listening) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const handler = current.current[shortcutKey(event)];
      if (!handler || !isShortcutEvent(event)) return;
      if (handler(event) !== false) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [listening]);
}
