"use client";
// Delete an organization without tickets, archive one with tickets, or restore an archived one.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { FormMessage } from "../../../../_components/field";
import { useTicketAction } from "../../../../_components/ticket-view/use-ticket-action";
import { useRouter } from "../../../../_i18n/navigation";
import { useTRPC } from "../../../../_lib/trpc";
import { dangerButtonClass, smallButtonClass } from "../../admin-ui";

export function OrganizationRemoval({
  id,
  name,
  archived,
  ticketCount,
}: {
  id: string;
  name: string;
  archived: boolean;
  ticketCount: number;
}) {
  const t = useTranslations("Admin.organizations");
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.admin.organizations.remove.mutationOptions());
  const restore = useMutation(trpc.admin.organizations.restore.mutationOptions());
  const action = useTicketAction();
  return (
    <div className="flex flex-col items-end gap-2">
      {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
      {archived ? (
        <button
          type="button"
          className={smallButtonClass}
          disabled={action.busy}
          onClick={() => void action.run(() => restore.mutateAsync({ id }))}
        >
          {t("restore")}
        </button>
      ) : (
        <button
          type="button"
          className={dangerButtonClass}
          disabled={action.busy}
          onClick={async () => {
            if (!window.confirm(t(ticketCount ? "confirmArchive" : "confirmDelete", { name }))) return;
            let outcome: string | undefined;
            if ((await action.run(async () => (outcome = (await remove.mutateAsync({ id })).outcome))) && outcome === "deleted") {
              router.push("/admin/organizations");
            }
          }}
        >
          {t(ticketCount ? "archive" : "delete")}
        </button>
      )}
    </div>
  );
}
