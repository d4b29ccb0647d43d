"use client";
// Keeps what someone types in localStorage as they type, so a reload, an expired session or a lost
// connection loses nothing. The draft is restored on the next visit and cleared after a successful send.
import { useCallback, useEffect, useRef, useState } from "react";

export function useDraft<T extends object>(key: string, empty: T) {
  const [values, setValues] = useState<T>(empty);
  const [restored, setRestored] = useState(false);
  const loaded = useRef(false);

  useEffect(() => {
    try {
      const saved = localStorage.getItem(key);
      if (saved) {
        // localStorage exists only in the browser, after hydration: the server rendered the empty form.
        // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-time restore from browser storage
        setValues({ ...empty, ...(JSON.parse(saved) as Partial<T>) });
        setRestored(true);
      }
    } catch {
      // an unreadable draft is dropped, not fatal
    }
    loaded.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per key
  }, [key]);

  useEffect(() => {
    if (!loaded.current) return;
    const timer = setTimeout(() => {
      try {
        localStorage.setItem(key, JSON.stringify(values));
      } catch {
        // storage full or disabled: typing still works, only the safety net is gone
      }
    }, 300);
    return () => clearTimeout(timer);
  }, [key, values]);

  const clear = useCallback(() => {
    localStorage.removeItem(key);
    setValues(empty);
    setRestored(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `empty` is a constant per form
  }, [key]);

  return { values, setValues, restored, clear };
}
