"use client";
// One row per agent or admin: departments, and a switch for view_sensitive (admins hold every
// permission, so theirs is fixed). Each change saves at once and says so.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { AppRouter } from "../../../../server/trpc/router";
import { FormMessage } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useTicketAction } from "../../../_components/ticket-view/use-ticket-action";
import { card } from "../admin-ui";

type Staff = inferRouterOutputs<AppRouter>["admin"]["users"]["staff"];

export function StaffPermissions({ staff }: { staff: Staff }) {
  const t = useTranslations("Admin.staff");
  const trpc = useTRPC();
  const set = useMutation(trpc.admin.users.setPermission.mutationOptions());
  const action = useTicketAction();
  const [saved, setSaved] = useState<string>();
  return (
    <div className={`${card} overflow-x-auto`}>
      {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
      {saved && <FormMessage kind="success">{saved}</FormMessage>}
      <table className="mt-2 w-full text-left text-sm">
        <thead className="text-slate-500 dark:text-slate-400">
          <tr>
            <th className="py-2 pr-4 font-medium">{t("person")}</th>
            <th className="py-2 pr-4 font-medium">{t("departments")}</th>
            <th className="py-2 font-medium">{t("viewSensitive")}</th>
          </tr>
        </thead>
        <tbody>
          {staff.map((u) => (
            <tr key={u.id} className="border-t border-slate-200 dark:border-slate-800">
              <td className="py-2 pr-4">
                <span className="font-medium">{u.name}</span>
                <br />
                <span className="text-xs text-slate-500 dark:text-slate-400">{u.email}</span>
              </td>
              <td className="py-2 pr-4">{u.role === "admin" ? t("allDepartments") : u.departments.join(", ") || "—"}</td>
              <td className="py-2">
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={u.viewSensitive}
                    disabled={u.role === "admin" || action.busy}
                    onChange={async (e) => {
                      setSaved(undefined);
                      const granted = e.target.checked;
                      // run() refreshes the page, so the box shows what was stored
                      if (await action.run(() => set.mutateAsync({ userId: u.id, permission: "view_sensitive", granted }))) {
                        setSaved(t(granted ? "granted" : "withdrawn", { name: u.name }));
                      }
                    }}
                  />
                  <span className="sr-only">{t("viewSensitiveFor", { name: u.name })}</span>
                  {u.role === "admin" && <span className="text-xs text-slate-500 dark:text-slate-400">{t("adminAlways")}</span>}
                </label>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
