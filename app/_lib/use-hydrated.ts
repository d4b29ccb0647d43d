"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
/** False in the server's HTML, true once React runs in the browser: controls that only work with
 * JavaScript stay disabled until then, so an early click is never silently lost. */
export const useHydrated = () =>
  useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
