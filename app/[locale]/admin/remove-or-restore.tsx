"use client";
// The one way the admin screens take something away: "Eliminar" when nothing refers to it, "Archivar"
// when tickets do (after a confirmation saying which), and "Restaurar" once archived. The caller's
// messages namespace holds restore, archive, delete, confirmArchive, confirmDelete, archiveNamed and
// deleteNamed.
import { useTranslations } from "next-intl";
import { dangerButtonClass, smallButtonClass } from "./admin-ui";

export function RemoveOrRestore({
  namespace,
  name,
  archived,
  ticketCount,
  busy,
  onRemove,
  onRestore,
}: {
  namespace: "Admin.departments" | "Admin.organizations";
  name: string;
  archived: boolean;
  ticketCount: number;
  busy: boolean;
  onRemove: () => unknown;
  onRestore: () => unknown;
}) {
  const t = useTranslations(namespace);
  if (archived) {
    return (
      <button type="button" className={smallButtonClass} disabled={busy} onClick={() => void onRestore()}>
        {t("restore")}
      </button>
    );
  }
  return (
    <button
      type="button"
      className={dangerButtonClass}
      disabled={busy}
      aria-label={t(ticketCount ? "archiveNamed" : "deleteNamed", { name })}
      onClick={() => {
        if (window.confirm(t(ticketCount ? "confirmArchive" : "confirmDelete", { name }))) void onRemove();
      }}
    >
      {t(ticketCount ? "archive" : "delete")}
    </button>
  );
}
