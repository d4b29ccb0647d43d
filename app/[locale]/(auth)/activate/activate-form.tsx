"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { buttonClass, FormMessage } from "../../../_components/field";
import { useRouter } from "../../../_i18n/navigation";
import { useTRPC } from "../../../_lib/trpc";

export function ActivateForm({ token }: { token: string }) {
  const t = useTranslations("Activate");
  const router = useRouter();
  const trpc = useTRPC();
  const activate = useMutation(trpc.auth.activate.mutationOptions({ onSuccess: () => router.push("/login?activated=1") }));
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">{t("intro")}</p>
      {activate.error && <FormMessage kind="error">{activate.error.message}</FormMessage>}
      <button type="button" className={buttonClass} disabled={activate.isPending} onClick={() => activate.mutate({ token })}>
        {t("submit")}
      </button>
    </div>
  );
}
