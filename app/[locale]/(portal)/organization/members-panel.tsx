"use client";
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AppRouter } from "../../../../server/trpc/router";
import { inviteInput } from "../../../../server/trpc/organizations/members.schema";
import { Field, FormMessage, buttonClass } from "../../../_components/field";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { useTRPC } from "../../../_lib/trpc";

type Org = inferRouterOutputs<AppRouter>["organizations"]["members"];

export function MembersPanel({ org, viewerId }: { org: Org; viewerId: string }) {
  const t = useTranslations("Organization");
  const locale = useLocale();
  const router = useRouter();
  const trpc = useTRPC();
  const invite = useMutation(trpc.organizations.invite.mutationOptions());
  const remove = useMutation(trpc.organizations.remove.mutationOptions());
  const setRole = useMutation(trpc.organizations.setRole.mutationOptions());
  const { errors, check, fromError, clear } = useFormErrors();
  const [notice, setNotice] = useState<string>();
  const [email, setEmail] = useState("");
  const [role, setNewRole] = useState<"member" | "admin">("member");

  async function act(action: () => Promise<unknown>, message?: string) {
    clear();
    setNotice(undefined);
    try {
      await action();
      if (message) setNotice(message);
      router.refresh();
    } catch (error) {
      fromError(error);
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const values = { organizationId: org.id, email, role, locale };
    if (!check(inviteInput, values)) return;
    await act(async () => {
      const result = await invite.mutateAsync(values);
      setNotice(t(result.invited ? "invited" : "added", { email: values.email.trim().toLowerCase() }));
      setEmail("");
    });
  }

  const select = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";
  return (
    <section
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
      aria-labelledby={`org-${org.id}`}
    >
      <h2 id={`org-${org.id}`} className="text-lg font-semibold">
        {org.name} · {t("members")}
      </h2>
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {org.members.map((m) => (
          <li key={m.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
            <span className="min-w-40 flex-1">
              <span className="font-medium">{m.name}</span> <span className="text-slate-600 dark:text-slate-400">{m.email}</span>
              {m.pending && <span className="ml-2 text-xs text-amber-700 dark:text-amber-400">({t("pending")})</span>}
            </span>
            <label className="sr-only" htmlFor={`role-${m.id}`}>
              {t("role")}
            </label>
            <select
              id={`role-${m.id}`}
              value={m.role}
              className={select}
              onChange={(e) =>
                void act(
                  () => setRole.mutateAsync({ organizationId: org.id, userId: m.id, role: e.target.value as "member" | "admin" }),
                  t("saved"),
                )
              }
            >
              <option value="member">{t("roles.member")}</option>
              <option value="admin">{t("roles.admin")}</option>
            </select>
            {m.id !== viewerId && (
              <button
                type="button"
                className="text-xs underline"
                aria-label={`${t("remove")} ${m.name}`}
                onClick={() => void act(() => remove.mutateAsync({ organizationId: org.id, userId: m.id }))}
              >
                {t("remove")}
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" noValidate>
        <div className="min-w-56 flex-1">
          <Field
            id={`invite-${org.id}`}
            type="email"
            label={t("email")}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.fields.email}
          />
        </div>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("role")}
          <select value={role} onChange={(e) => setNewRole(e.target.value as "member" | "admin")} className={select}>
            <option value="member">{t("roles.member")}</option>
            <option value="admin">{t("roles.admin")}</option>
          </select>
        </label>
        <button type="submit" className={buttonClass} disabled={invite.isPending}>
          {t("invite")}
        </button>
      </form>
    </section>
  );
}
