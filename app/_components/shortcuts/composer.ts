"use client";
// Asking the ticket's reply box to take a mode and the focus, from anywhere on the page (the
// shortcuts live apart from the thread): a window event the reply box listens for.
import { useEffect, useRef } from "react";

export type ComposerMode = "reply" | "note";

const EVENT = "mesa:composer";

/** Puts the reply box in `mode` ("Responder" or "Nota interna") and focuses it, if the page has one. */
export function requestComposer(mode: ComposerMode): void {
  window.dispatchEvent(new CustomEvent<ComposerMode>(EVENT, { detail: mode }));
}

/** For the reply box: called with the mode asked for. */
export function useComposerRequests(handle: (mode: ComposerMode) => void): void {
  const current = useRef(handle);
  useEffect(() => {
    current.current = handle;
  });
  useEffect(() => {
    const listener = (event: Event) => {
      const mode = (event as CustomEvent<unknown>).detail;
      if (mode === "reply" || mode === "note") current.current(mode);
    };
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, []);
}
