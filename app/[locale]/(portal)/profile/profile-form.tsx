"use client";
import type { ZoneGroup } from "../../../_components/time-zones/zone-options";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { updateProfileInput } from "../../../../server/trpc/profile/update.schema";
import { Field, FormMessage, buttonClass } from "../../../_components/field";
import { useLiveProfile } from "../../../_components/live-profile";
import { usePathname, useRouter } from "../../../_i18n/navigation";
import { routing } from "../../../_i18n/routing";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import type { Viewer } from "../../../_lib/viewer";
import { TimeZonePicker } from "../../../_components/time-zones/time-zone-picker";

export function ProfileForm({ viewer, timeZones }: { viewer: Viewer; timeZones: ZoneGroup[] }) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const profile = useLiveProfile(viewer);
  const update = useMutation(trpc.profile.update.mutationOptions());
  const { errors, submit: submitForm } = useFormErrors();
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const phone = String(form.get("phone") ?? "").trim();
    const values = {
      name: form.get("name"),
      locale: form.get("locale"),
      timeZone: form.get("timeZone"),
      phone: phone || null,
      emailNotifications: form.get("emailNotifications") === "on",
    };
    await submitForm(updateProfileInput, values, async (input) => {
      const result = await update.mutateAsync(input);
      queryClient.setQueryData(trpc.profile.get.queryKey(), (old) => (old ? { ...old, ...result } : old));
      setSaved(true);
      if (result.locale !== locale) router.replace(pathname, { locale: result.locale });
    });
  }

  const select = "rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900";
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      {saved && <FormMessage kind="success">{t("Profile.saved")}</FormMessage>}
      <Field id="email" label={t("Profile.email")} value={profile.email} readOnly disabled />
      {/* key: a change made in another tab refreshes the field */}
      <Field
        key={profile.name}
        id="name"
        label={t("Profile.name")}
        defaultValue={profile.name}
        autoComplete="name"
        error={errors.fields.name}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="locale" className="text-sm font-medium">
          {t("Profile.locale")}
        </label>
        <select id="locale" name="locale" defaultValue={profile.locale} key={profile.locale} className={select}>
          {routing.locales.map((l) => (
            <option key={l} value={l}>
              {t(`Locales.${l}`)}
            </option>
          ))}
        </select>
      </div>
      <TimeZonePicker
        key={profile.timeZone}
        id="timeZone"
        label={t("Profile.timeZone")}
        zones={timeZones}
        defaultValue={profile.timeZone}
        error={errors.fields.timeZone}
      />
      <Field
        key={profile.phone ?? ""}
        id="phone"
        type="tel"
        label={t("Profile.phone")}
        hint={t("Profile.phoneHint")}
        defaultValue={profile.phone ?? ""}
        autoComplete="tel"
        error={errors.fields.phone}
      />
      <div className="flex items-start gap-2">
        <input
          key={String(profile.emailNotifications)}
          id="emailNotifications"
          name="emailNotifications"
          type="checkbox"
          defaultChecked={profile.emailNotifications}
          aria-describedby="emailNotifications-hint"
          className="mt-1 size-4"
        />
        <div className="flex flex-col gap-0.5">
          <label htmlFor="emailNotifications" className="text-sm font-medium">
            {t("Profile.emailNotifications")}
          </label>
          <p id="emailNotifications-hint" className="text-xs text-slate-500 dark:text-slate-400">
            {t("Profile.emailNotificationsHint")}
          </p>
        </div>
      </div>
      <button type="submit" className={`${buttonClass} self-start`} disabled={update.isPending}>
        {update.isPending ? t("Common.saving") : t("Profile.save")}
      </button>
    </form>
  );
}
