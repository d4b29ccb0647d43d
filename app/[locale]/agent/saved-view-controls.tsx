"use client";
// "Guardar vista": saves the queue's current filters and sort as a named view (personal, or shared
// with every agent) and opens it; and the active saved view's small menu: rename, share or stop
// sharing, keep the current filters, move left or right, delete. Refusals (a name in use, not the
// owner) are the server's, shown in the page's language; what was typed stays.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormMessage, buttonClass, secondaryButtonClass } from "../../_components/field";
import { queueSearch } from "../../_lib/saved-view-href";
import { useTRPC } from "../../_lib/trpc";
import { useFormErrors } from "../../_lib/use-form-errors";
import type { ListTicketsInput } from "../../../server/trpc/tickets/list.schema";

type Query = Pick<ListTicketsInput, "view" | "tab" | "q" | "status" | "priority" | "departmentId" | "tags" | "sort" | "dir">;

const control = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-700 dark:bg-slate-900";
const small =
  "rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
const panel =
  "absolute right-0 z-20 mt-1 flex w-72 max-w-[calc(100vw-2rem)] flex-col gap-2 rounded-md border border-slate-200 bg-white p-3 shadow-lg dark:border-slate-700 dark:bg-slate-900";

function useAfterChange() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return (href?: string) => {
    void queryClient.invalidateQueries();
    if (href) router.push(href);
    else router.refresh();
  };
}

export function SaveViewButton({ query }: { query: Query }) {
  const t = useTranslations("SavedViews");
  const trpc = useTRPC();
  const create = useMutation(trpc.savedViews.create.mutationOptions());
  const { errors, fromError, clear } = useFormErrors();
  const after = useAfterChange();
  const [open, setOpen] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    clear();
    try {
      const { id } = await create.mutateAsync({ name: String(form.get("name") ?? ""), shared: form.get("shared") === "on", query });
      setOpen(false);
      after(`/agent?${queueSearch(query, id)}`);
    } catch (error) {
      fromError(error);
    }
  }

  return (
    <div className="relative">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className={small}>
        {t("save")}
      </button>
      {open && (
        <form onSubmit={onSubmit} className={panel} aria-label={t("save")}>
          {errors.form && <FormMessage kind="error">{errors.fields.name ?? errors.form}</FormMessage>}
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-700 dark:text-slate-300">
            {t("name")}
            <input name="name" required maxLength={60} autoFocus className={control} />
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="shared" />
            {t("shareWithTeam")}
          </label>
          <div className="flex gap-2">
            <button type="submit" disabled={create.isPending} className={buttonClass}>
              {t("saveSubmit")}
            </button>
            <button type="button" onClick={() => setOpen(false)} className={secondaryButtonClass}>
              {t("cancel")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

export function SavedViewMenu({
  view,
  current,
  ownOrder,
}: {
  view: { id: number; name: string; shared: boolean; mine: boolean; query: Query };
  /** The filters shown now (they may differ from the view's after using the form). */
  current: Query;
  /** The viewer's own views' ids, in tab order. */
  ownOrder: number[];
}) {
  const t = useTranslations("SavedViews");
  const trpc = useTRPC();
  const rename = useMutation(trpc.savedViews.rename.mutationOptions());
  const share = useMutation(trpc.savedViews.share.mutationOptions());
  const update = useMutation(trpc.savedViews.updateQuery.mutationOptions());
  const remove = useMutation(trpc.savedViews.remove.mutationOptions());
  const reorder = useMutation(trpc.savedViews.reorder.mutationOptions());
  const { errors, fromError, clear } = useFormErrors();
  const after = useAfterChange();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string>();

  async function run(action: () => Promise<unknown>, done: string, href?: string) {
    clear();
    setNotice(undefined);
    try {
      await action();
      setNotice(done);
      after(href);
    } catch (error) {
      fromError(error);
    }
  }

  async function onRename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    await run(() => rename.mutateAsync({ id: view.id, name }), t("renamed"));
  }

  const place = ownOrder.indexOf(view.id);
  const move = (by: number) => {
    const order = [...ownOrder];
    order.splice(place, 1);
    order.splice(place + by, 0, view.id);
    return run(() => reorder.mutateAsync({ ids: order }), t("moved"));
  };

  return (
    <div className="relative">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className={small} data-testid="saved-view-menu">
        {t("manage", { name: view.name })}
      </button>
      {open && (
        <div className={panel}>
          {errors.form && <FormMessage kind="error">{errors.fields.name ?? errors.form}</FormMessage>}
          {notice && <FormMessage kind="success">{notice}</FormMessage>}
          <form onSubmit={onRename} className="flex items-end gap-2">
            <label className="flex flex-1 flex-col gap-1 text-xs font-medium text-slate-700 dark:text-slate-300">
              {t("name")}
              <input name="name" required maxLength={60} defaultValue={view.name} className={control} />
            </label>
            <button type="submit" className={small}>
              {t("rename")}
            </button>
          </form>
          <button
            type="button"
            className={small}
            onClick={() =>
              run(() => share.mutateAsync({ id: view.id, shared: !view.shared }), view.shared ? t("unshared") : t("sharedDone"))
            }
          >
            {view.shared ? t("unshare") : t("shareWithTeam")}
          </button>
          <button
            type="button"
            className={small}
            onClick={() =>
              run(() => update.mutateAsync({ id: view.id, query: current }), t("updated"), `/agent?${queueSearch(current, view.id)}`)
            }
          >
            {t("keepFilters")}
          </button>
          {view.mine && ownOrder.length > 1 && (
            <div className="flex gap-2">
              <button type="button" className={`${small} flex-1`} disabled={place <= 0} onClick={() => move(-1)}>
                {t("moveLeft")}
              </button>
              <button type="button" className={`${small} flex-1`} disabled={place >= ownOrder.length - 1} onClick={() => move(1)}>
                {t("moveRight")}
              </button>
            </div>
          )}
          <button
            type="button"
            className="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-200 dark:hover:bg-red-950"
            onClick={() => {
              if (window.confirm(t("confirmDelete", { name: view.name })))
                void run(() => remove.mutateAsync({ id: view.id }), t("deleted"), "/agent");
            }}
          >
            {t("delete")}
          </button>
        </div>
      )}
    </div>
  );
}
