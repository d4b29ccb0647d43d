"use client";
// Runs one ticket action, shows its translated error, and re-renders the page with the new state.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";

export function useTicketAction() {
  const router = useRouter();
  const t = useTranslations("Errors");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [, startTransition] = useTransition();

  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      startTransition(() => router.refresh());
      return true;
    } catch (e) {
      setError(e instanceof TRPCClientError ? e.message : t("network"));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { run, error, busy };
}
