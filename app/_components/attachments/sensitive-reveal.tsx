"use client";
// The sealed box on a message: customers see that it is stored encrypted; support staff with the
// permission reveal it with "Mostrar" (recorded in the history); others are told they may not.
import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "../../_lib/trpc";
import { secondaryButtonClass } from "../field";
import { LockIcon } from "./lock-icon";

export function SensitiveReveal({
  ticketId,
  messageId,
  staff,
  allowed,
}: {
  ticketId: string;
  messageId: string;
  staff: boolean;
  allowed: boolean;
}) {
  const t = useTranslations("Sensitive");
  const tErrors = useTranslations("Errors");
  const trpc = useTRPC();
  const reveal = useMutation(trpc.tickets.revealSensitive.mutationOptions());
  const [text, setText] = useState<string>();
  const [error, setError] = useState<string>();
  return (
    <div
      className="mt-3 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm dark:border-emerald-800 dark:bg-emerald-950"
      data-testid="sensitive-box"
    >
      <div className="flex flex-wrap items-center gap-2">
        <span className="flex items-center gap-1.5 font-medium">
          <LockIcon /> {t("marker")}
        </span>
        {staff && allowed && text === undefined && (
          <button
            type="button"
            className={`${secondaryButtonClass} ml-auto py-1`}
            disabled={reveal.isPending}
            onClick={async () => {
              setError(undefined);
              try {
                setText((await reveal.mutateAsync({ ticket: ticketId, messageId })).text);
              } catch (e) {
                setError(e instanceof TRPCClientError ? e.message : tErrors("network"));
              }
            }}
          >
            {t("reveal")}
          </button>
        )}
        {text !== undefined && (
          <button type="button" className={`${secondaryButtonClass} ml-auto py-1`} onClick={() => setText(undefined)}>
            {t("hide")}
          </button>
        )}
      </div>
      {staff && !allowed && <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{t("noPermission")}</p>}
      {!staff && <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{t("customerNote")}</p>}
      {error && (
        <p role="alert" className="mt-1 text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {text !== undefined && (
        <pre
          className="mt-2 whitespace-pre-wrap break-all rounded bg-white p-2 font-mono text-sm dark:bg-slate-900"
          data-testid="sensitive-text"
        >
          {text}
        </pre>
      )}
    </div>
  );
}
