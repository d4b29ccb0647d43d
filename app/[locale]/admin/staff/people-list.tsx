"use client";
// One card per person: their role and departments (saved with one button), their permissions (each
// box saves at once), and deactivation (signs them out everywhere; their history stays).
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { userRoles, type UserRoleName as UserRole } from "../../../../server/users/staff-fields";
import type { AppRouter } from "../../../../server/trpc/router";
import { CheckboxGroup } from "../../../_components/checkbox-group";
import { FormMessage } from "../../../_components/field";
import { useTicketAction } from "../../../_components/ticket-view/use-ticket-action";
import { useTRPC } from "../../../_lib/trpc";
import { card, dangerButtonClass, selectClass, smallButtonClass } from "../admin-ui";

type Person = inferRouterOutputs<AppRouter>["admin"]["users"]["search"]["people"][number];
type Option = { id: string; name: string };

export function PeopleList({ people, departments, viewerId }: { people: Person[]; departments: Option[]; viewerId: string }) {
  const t = useTranslations("Admin.people");
  if (!people.length) return <p className="text-sm">{t("none")}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {people.map((p) => (
        <li key={p.id}>
          <PersonCard person={p} departments={departments} self={p.id === viewerId} />
        </li>
      ))}
    </ul>
  );
}

function PersonCard({ person: p, departments, self }: { person: Person; departments: Option[]; self: boolean }) {
  const t = useTranslations("Admin.people");
  const ts = useTranslations("Admin.staff");
  const trpc = useTRPC();
  const update = useMutation(trpc.admin.users.update.mutationOptions());
  const setPermission = useMutation(trpc.admin.users.setPermission.mutationOptions());
  const deactivate = useMutation(trpc.admin.users.deactivate.mutationOptions());
  const reactivate = useMutation(trpc.admin.users.reactivate.mutationOptions());
  const action = useTicketAction();
  const [role, setRole] = useState<UserRole>(p.role);
  const [departmentIds, setDepartmentIds] = useState(p.departments.map((d) => String(d.id)));
  const [notice, setNotice] = useState<string>();
  const changed =
    role !== p.role ||
    departmentIds.slice().sort().join() !==
      p.departments
        .map((d) => String(d.id))
        .sort()
        .join();
  const run = async (work: () => Promise<unknown>, done: string) => {
    setNotice(undefined);
    if (await action.run(work)) setNotice(done);
  };
  const headingId = `person-${p.id}`;
  return (
    <article aria-labelledby={headingId} className={`${card} flex flex-col gap-3`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={headingId} className="font-semibold">
            {p.name}
            {p.pending && <span className="ml-2 text-xs font-normal text-amber-800 dark:text-amber-300">({t("pending")})</span>}
            {p.deactivated && (
              <span className="ml-2 rounded bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">
                {t("deactivated")}
              </span>
            )}
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">{p.email}</p>
        </div>
        {!self &&
          (p.deactivated ? (
            <button
              type="button"
              className={smallButtonClass}
              disabled={action.busy}
              onClick={() => void run(() => reactivate.mutateAsync({ userId: p.id }), t("reactivated", { name: p.name }))}
            >
              {t("reactivate")}
            </button>
          ) : (
            <button
              type="button"
              className={dangerButtonClass}
              disabled={action.busy}
              aria-label={t("deactivateNamed", { name: p.name })}
              onClick={() => {
                if (window.confirm(t("confirmDeactivate", { name: p.name })))
                  void run(() => deactivate.mutateAsync({ userId: p.id }), t("deactivatedNotice", { name: p.name }));
              }}
            >
              {t("deactivate")}
            </button>
          ))}
      </div>
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {action.error && <FormMessage kind="error">{action.error}</FormMessage>}
      <div className="flex flex-wrap items-end gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={`${headingId}-role`} className="text-sm font-medium">
            {t("role")}
          </label>
          <select
            id={`${headingId}-role`}
            className={selectClass}
            value={role}
            disabled={self}
            onChange={(e) => setRole(e.target.value as UserRole)}
          >
            {userRoles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-4"
            checked={p.role === "admin" || p.permissions.includes("can_access_ticketing")}
            disabled={p.role === "admin" || action.busy}
            onChange={(e) =>
              void run(
                () => setPermission.mutateAsync({ userId: p.id, permission: "can_access_ticketing", granted: e.target.checked }),
                t(e.target.checked ? "ticketingGranted" : "ticketingWithdrawn", { name: p.name }),
              )
            }
          />
          {t("canAccessTicketing")}
        </label>
        {p.role !== "partner" && (
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4"
              aria-label={ts("viewSensitiveFor", { name: p.name })}
              checked={p.role === "admin" || p.permissions.includes("view_sensitive")}
              disabled={p.role === "admin" || action.busy}
              onChange={(e) =>
                void run(
                  () => setPermission.mutateAsync({ userId: p.id, permission: "view_sensitive", granted: e.target.checked }),
                  ts(e.target.checked ? "granted" : "withdrawn", { name: p.name }),
                )
              }
            />
            {ts("viewSensitive")}
            {p.role === "admin" && <span className="text-xs text-slate-600 dark:text-slate-400">{ts("adminAlways")}</span>}
          </label>
        )}
      </div>
      {role === "agent" && (
        <CheckboxGroup legend={t("departments")} options={departments} selected={departmentIds} onChange={setDepartmentIds} />
      )}
      {role === "admin" && <p className="text-sm text-slate-600 dark:text-slate-400">{t("adminAllDepartments")}</p>}
      {changed && (
        <button
          type="button"
          className={`${smallButtonClass} self-start`}
          disabled={action.busy}
          onClick={() =>
            void run(
              () => update.mutateAsync({ userId: p.id, role, departmentIds: departmentIds.map(Number) }),
              t("updated", { name: p.name }),
            )
          }
        >
          {t("saveRole")}
        </button>
      )}
    </article>
  );
}
