"use client";
// Delete an organization without tickets, archive one with tickets, or restore an archived one.
import { useMutation } from "@tanstack/react-query";
import { FormMessage } from "../../../../_components/field";
import { useTicketAction } from "../../../../_components/ticket-view/use-ticket-action";
import { useRouter } from "../../../../_i18n/navigation";
import { useTRPC } from "../../../../_lib/trpc";
import { RemoveOrRestore } from "../../remove-or-restore";

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
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.admin.organizations.remove.mutationOptions());
  const restore = useMutation(trpc.admin.organizations.restore.mutationOptions());
  const action = useTicketAction();
  return (
    <div className="flex flex-col items-end gap-2">
      {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
      <RemoveOrRestore
        namespace="Admin.organizations"
        name={name}
        archived={archived}
        ticketCount={ticketCount}
        busy={action.busy}
        onRestore={() => action.run(() => restore.mutateAsync({ id }))}
        onRemove={async () => {
          let outcome: string | undefined;
          if ((await action.run(async () => (outcome = (await remove.mutateAsync({ id })).outcome))) && outcome === "deleted") {
            router.push("/admin/organizations");
          }
        }}
      />
    </div>
  );
}
