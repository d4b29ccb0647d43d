"use client";
// The files of one message being composed: each is checked here first (allowed ending, the
// message's total), then uploaded at once with its own progress. A refused file stays listed with
// its reason until removed; it never touches the typed text or the other files. Stored uploads are
// remembered with the form's draft (`draftKey`), so a reload or a lost session keeps them too.
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { megabytes } from "../../../server/files/policy";
import { uploadFile, type StoredUpload, type UploadTarget } from "./upload-file";

export interface UploadLimits {
  extensions: string[];
  maxMessageBytes: number;
}

export interface UploadItem {
  key: string;
  name: string;
  size: number;
  progress: number;
  status: "uploading" | "done" | "refused";
  error?: string;
  stored?: StoredUpload;
}

let counter = 0;

const asItem = (stored: StoredUpload): UploadItem => ({
  key: `u${++counter}`,
  name: stored.name,
  size: stored.size,
  progress: 1,
  status: "done",
  stored,
});

/** Uploads remembered for a draft that the server still holds for this person (a day at most). */
async function restore(draftKey: string): Promise<StoredUpload[]> {
  let saved: StoredUpload[] = [];
  try {
    saved = JSON.parse(localStorage.getItem(`${draftKey}:files`) ?? "[]") as StoredUpload[];
  } catch {
    return [];
  }
  const alive = await Promise.all(
    saved.map(async (s) => {
      try {
        const response = await fetch(`/api/attachments/${encodeURIComponent(s.id)}`, { method: "HEAD" });
        // Only uploads no message carries yet: one already sent is not this draft's any more.
        return response.ok && response.headers.get("x-mesa-pending") === "true";
      } catch {
        return false;
      }
    }),
  );
  return saved.filter((_, i) => alive[i]);
}

export function useUploads(target: UploadTarget, limits: UploadLimits, draftKey: string) {
  const t = useTranslations();
  const locale = useLocale();
  const [items, setItems] = useState<UploadItem[]>([]);
  // The list as last rendered, for the callbacks below (kept stable so the forms' handlers are too).
  const current = useRef(items);
  useLayoutEffect(() => {
    current.current = items;
  }, [items]);
  // Callers pass a new object on each render: compared by value, so `add` changes only with its content.
  const targetKey = JSON.stringify(target);
  const stableTarget = useMemo(() => JSON.parse(targetKey) as UploadTarget, [targetKey]);
  const restored = useRef(false);
  // Uploads still on their way, so removing one stops it.
  const inFlight = useRef(new Map<string, AbortController>());

  useEffect(() => {
    let live = true;
    void restore(draftKey).then((stored) => {
      restored.current = true;
      // Always a new list, so what is remembered is rewritten without the uploads that are gone.
      if (live) setItems((list) => [...stored.filter((s) => !list.some((i) => i.stored?.id === s.id)).map(asItem), ...list]);
    });
    return () => {
      live = false;
    };
  }, [draftKey]);

  useEffect(() => {
    if (!restored.current) return;
    try {
      const ready = items.flatMap((i) => (i.status === "done" && i.stored ? [i.stored] : []));
      if (ready.length) localStorage.setItem(`${draftKey}:files`, JSON.stringify(ready));
      else localStorage.removeItem(`${draftKey}:files`);
    } catch {
      // storage full or disabled: the files still go with this send, only the safety net is gone
    }
  }, [draftKey, items]);
  const update = useCallback(
    (key: string, patch: Partial<UploadItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i))),
    [],
  );

  const add = useCallback(
    (files: Iterable<File>) => {
      let total = current.current.filter((i) => i.status !== "refused").reduce((sum, i) => sum + i.size, 0);
      const added: UploadItem[] = [];
      for (const file of files) {
        const item: UploadItem = { key: `u${++counter}`, name: file.name, size: file.size, progress: 0, status: "uploading" };
        if (!limits.extensions.some((e) => file.name.toLowerCase().endsWith(e))) {
          Object.assign(item, {
            status: "refused",
            error: t("Errors.fileTypeNotAllowed", { name: file.name, types: limits.extensions.join(", ") }),
          });
        } else if (total + file.size > limits.maxMessageBytes) {
          Object.assign(item, {
            status: "refused",
            error: t("Attachments.totalTooLarge", {
              name: file.name,
              total: megabytes(total + file.size),
              max: megabytes(limits.maxMessageBytes),
            }),
          });
        } else {
          total += file.size;
          const controller = new AbortController();
          inFlight.current.set(item.key, controller);
          uploadFile(
            file,
            stableTarget,
            locale,
            (progress) => update(item.key, { progress }),
            t("Attachments.uploadFailed", { name: file.name }),
            controller.signal,
          )
            .then(
              (stored) => update(item.key, { status: "done", progress: 1, stored }),
              (error: Error) => update(item.key, { status: "refused", error: error.message }),
            )
            .finally(() => inFlight.current.delete(item.key));
        }
        added.push(item);
      }
      setItems((list) => [...list, ...added]);
    },
    [stableTarget, limits, locale, t, update],
  );

  const remove = useCallback((key: string) => {
    const item = current.current.find((i) => i.key === key);
    setItems((list) => list.filter((i) => i.key !== key));
    inFlight.current.get(key)?.abort();
    // A stored upload nobody will send is removed at once (the tick would remove it in a day).
    if (item?.stored) void fetch(`/api/attachments/${item.stored.id}`, { method: "DELETE" }).catch(() => {});
  }, []);

  const clear = useCallback(() => {
    // At once, not in an effect: the page may be leaving (a new ticket opens its own page).
    try {
      localStorage.removeItem(`${draftKey}:files`);
    } catch {
      // nothing remembered
    }
    setItems([]);
  }, [draftKey]);
  /** For a text box's onPaste: a pasted screenshot becomes an upload; pasted text stays text. */
  const onPaste = useCallback(
    (event: React.ClipboardEvent) => {
      const files = Array.from(event.clipboardData.files);
      if (!files.length) return;
      event.preventDefault();
      add(files);
    },
    [add],
  );
  const ready = items.filter((i) => i.status === "done" && i.stored).map((i) => i.stored!);
  return { items, add, remove, clear, onPaste, ready, uploading: items.some((i) => i.status === "uploading") };
}
export type Uploads = ReturnType<typeof useUploads>;
