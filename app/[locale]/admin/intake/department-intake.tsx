"use client";
// One department's mail intake: who may open a ticket by writing to it (each choice explained in a
// line), what a mailed reply to a closed ticket does, and the addresses that lead to it — each with
// an optional default category of the department. An address another department already has is
// refused with a message naming that department.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AppRouter } from "../../../../server/trpc/router";
import {
  addIntakeAddressInput,
  closedReplyPolicies,
  intakePolicies,
  setIntakePolicyInput,
} from "../../../../server/trpc/admin/intake.schema";
import { Field, FormMessage, buttonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { SelectField, card, dangerButtonClass, smallButtonClass } from "../admin-ui";

type Department = inferRouterOutputs<AppRouter>["admin"]["intake"]["overview"]["departments"][number];

export function DepartmentIntake({ department }: { department: Department }) {
  const t = useTranslations("Admin.intake");
  const common = useTranslations("Common");
  const router = useRouter();
  const trpc = useTRPC();
  const savePolicy = useMutation(trpc.admin.intake.setPolicy.mutationOptions());
  const addAddress = useMutation(trpc.admin.intake.addAddress.mutationOptions());
  const removeAddress = useMutation(trpc.admin.intake.removeAddress.mutationOptions());
  const policy = useFormErrors();
  const address = useFormErrors();
  const [policyNotice, setPolicyNotice] = useState<string>();
  const [addressNotice, setAddressNotice] = useState<string>();
  const [newAddress, setNewAddress] = useState("");
  const [category, setCategory] = useState("");
  const { id: departmentId, name } = department;
  const id = (field: string) => `intake-${departmentId}-${field}`;
  const headingId = id("title");

  async function onPolicy(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPolicyNotice(undefined);
    const form = new FormData(event.currentTarget);
    const values = { departmentId, mailIntake: form.get("mailIntake"), closedReply: form.get("closedReply") };
    if (await policy.submit(setIntakePolicyInput, values, (input) => savePolicy.mutateAsync(input))) {
      setPolicyNotice(t("policySaved", { name }));
      router.refresh();
    }
  }

  async function onAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAddressNotice(undefined);
    const values = { departmentId, address: newAddress, categoryId: category };
    if (await address.submit(addIntakeAddressInput, values, (input) => addAddress.mutateAsync(input))) {
      setAddressNotice(t("addressAdded", { address: newAddress.trim().toLowerCase() }));
      setNewAddress("");
      setCategory("");
      router.refresh();
    }
  }

  async function onRemove(addressId: number, text: string) {
    setAddressNotice(undefined);
    address.clear();
    try {
      await removeAddress.mutateAsync({ id: addressId });
      setAddressNotice(t("addressRemoved", { address: text }));
      router.refresh();
    } catch (error) {
      address.fromError(error);
    }
  }

  const intakeError = policy.errors.fields.mailIntake;
  return (
    <section aria-labelledby={headingId} className={`${card} flex flex-col gap-5`} data-testid={`intake-department-${departmentId}`}>
      <h2 id={headingId} className="text-lg font-semibold">
        {name}
      </h2>
      {/* key: after a save and refresh the choices show what was stored */}
      <form
        key={`${department.mailIntake}-${department.closedReply}`}
        onSubmit={onPolicy}
        aria-label={t("policyOf", { name })}
        className="flex flex-col gap-4"
        noValidate
      >
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">{t("mailIntake")}</legend>
          {intakePolicies.map((p) => (
            <div key={p} className="flex items-start gap-2">
              <input
                id={id(`mailIntake-${p}`)}
                name="mailIntake"
                type="radio"
                value={p}
                defaultChecked={department.mailIntake === p}
                aria-describedby={[id(`mailIntake-${p}-hint`), intakeError && id("mailIntake-error")].filter(Boolean).join(" ")}
                aria-invalid={intakeError ? true : undefined}
                className="mt-1 size-4"
              />
              <div className="flex flex-col gap-0.5">
                <label htmlFor={id(`mailIntake-${p}`)} className="text-sm font-medium">
                  {t(`policy.${p}`)}
                </label>
                <p id={id(`mailIntake-${p}-hint`)} className="text-xs text-slate-500 dark:text-slate-400">
                  {t(`policyHint.${p}`)}
                </p>
              </div>
            </div>
          ))}
          {intakeError && (
            <p id={id("mailIntake-error")} className="text-sm text-red-600 dark:text-red-400">
              {intakeError}
            </p>
          )}
        </fieldset>
        <div className="max-w-md">
          <SelectField
            id={id("closedReply")}
            name="closedReply"
            label={t("closedReply")}
            hint={t("closedReplyHint")}
            defaultValue={department.closedReply}
            error={policy.errors.fields.closedReply}
          >
            {closedReplyPolicies.map((c) => (
              <option key={c} value={c}>
                {t(`closed.${c}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {policy.errors.form && <FormMessage kind="error">{policy.errors.form}</FormMessage>}
        {policyNotice && <FormMessage kind="success">{policyNotice}</FormMessage>}
        <button type="submit" className={`${buttonClass} self-start`} disabled={savePolicy.isPending}>
          {savePolicy.isPending ? common("saving") : t("savePolicy")}
        </button>
      </form>

      <div className="flex flex-col gap-3 border-t border-slate-200 pt-4 dark:border-slate-800">
        <h3 className="text-base font-semibold">{t("addresses")}</h3>
        {department.addresses.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{t("noAddresses")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-200 dark:divide-slate-800">
            {department.addresses.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span className="min-w-0 text-sm">
                  <span className="font-mono break-all">{a.address}</span>
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    {a.category ? t("categoryValue", { name: a.category.name }) : t("noCategory")}
                  </span>
                </span>
                <button
                  type="button"
                  className={dangerButtonClass}
                  aria-label={t("removeOf", { address: a.address })}
                  disabled={removeAddress.isPending}
                  onClick={() => void onRemove(a.id, a.address)}
                >
                  {t("remove")}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={onAdd} aria-label={t("addTo", { name })} className="flex flex-col gap-3" noValidate>
          <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
            <Field
              id={id("address")}
              name="address"
              type="email"
              label={t("address")}
              value={newAddress}
              onChange={(e) => {
                setAddressNotice(undefined);
                setNewAddress(e.target.value);
              }}
              error={address.errors.fields.address}
              placeholder="soporte@example.com"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
            />
            <SelectField
              id={id("category")}
              name="categoryId"
              label={t("category")}
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              error={address.errors.fields.categoryId}
            >
              <option value="">{t("noCategoryOption")}</option>
              {department.categories.map((c) => (
                <option key={c.id} value={String(c.id)}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <button type="submit" className={`${smallButtonClass} sm:mt-6`} disabled={addAddress.isPending}>
              {t("add")}
            </button>
          </div>
          {address.errors.form && <FormMessage kind="error">{address.errors.form}</FormMessage>}
          {addressNotice && <FormMessage kind="success">{addressNotice}</FormMessage>}
        </form>
      </div>
    </section>
  );
}
