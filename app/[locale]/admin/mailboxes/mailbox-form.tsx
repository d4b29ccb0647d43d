"use client";
// Creating or editing a mailbox. The password and the client secret are write-only: the boxes start
// empty, and on an edit an empty box keeps what is stored (the hint says whether something is). The
// fields that do not apply hide themselves: folders for POP3, the password for OAuth2, the OAuth2
// settings for a password. A refusal keeps everything typed and shows the reason under its field.
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AppRouter } from "../../../../server/trpc/router";
import { createMailboxInput, namedProviders, updateMailboxInput } from "../../../../server/trpc/admin/mailboxes.schema";
import { Field, FormMessage, buttonClass, secondaryButtonClass } from "../../../_components/field";
import { useTRPC } from "../../../_lib/trpc";
import { useFormErrors } from "../../../_lib/use-form-errors";
import { SelectField } from "../admin-ui";

export type Mailbox = inferRouterOutputs<AppRouter>["admin"]["mailboxes"]["list"]["mailboxes"][number];

type Protocol = "imap" | "pop3";
type ProviderChoice = (typeof namedProviders)[number] | "issuer";

interface Values {
  name: string;
  protocol: Protocol;
  host: string;
  port: string;
  tls: boolean;
  username: string;
  auth: "password" | "oauth2";
  password: string;
  provider: ProviderChoice;
  issuer: string;
  clientId: string;
  clientSecret: string;
  folder: string;
  processedFolder: string;
  enabled: boolean;
}

/** The usual port of each protocol, with TLS from the first byte and without. */
const defaultPorts: Record<Protocol, { tls: string; plain: string }> = {
  imap: { tls: "993", plain: "143" },
  pop3: { tls: "995", plain: "110" },
};
const isDefaultPort = (port: string) => Object.values(defaultPorts).some((p) => p.tls === port || p.plain === port) || port === "";

const providerChoice = (provider: string | null): ProviderChoice =>
  provider === null || (namedProviders as readonly string[]).includes(provider) ? ((provider ?? "microsoft") as ProviderChoice) : "issuer";

const initial = (m: Mailbox | undefined): Values => ({
  name: m?.name ?? "",
  protocol: m?.protocol ?? "imap",
  host: m?.host ?? "",
  port: m ? String(m.port) : "993",
  tls: m?.tls ?? true,
  username: m?.username ?? "",
  auth: m?.auth ?? "password",
  password: "",
  provider: providerChoice(m?.oauthProvider ?? null),
  issuer: m && providerChoice(m.oauthProvider) === "issuer" ? (m.oauthProvider ?? "") : "",
  clientId: m?.oauthClientId ?? "",
  clientSecret: "",
  folder: m?.folder ?? "INBOX",
  processedFolder: m?.processedFolder ?? "",
  enabled: m?.enabled ?? true,
});

export function MailboxForm({
  mailbox,
  redirectUri,
  onDone,
}: {
  /** Absent: a new mailbox. */
  mailbox?: Mailbox;
  redirectUri: string;
  /** Editing: called after a save (with its notice) or on cancel. */
  onDone?: (notice?: string) => void;
}) {
  const t = useTranslations("Admin.mailboxes");
  const common = useTranslations("Common");
  const router = useRouter();
  const trpc = useTRPC();
  const create = useMutation(trpc.admin.mailboxes.create.mutationOptions());
  const update = useMutation(trpc.admin.mailboxes.update.mutationOptions());
  const { errors, submit } = useFormErrors();
  const [values, setValues] = useState<Values>(() => initial(mailbox));
  const [notice, setNotice] = useState<string>();
  const prefix = mailbox ? `mailbox-${mailbox.id}` : "mailbox-new";
  const id = (field: string) => `${prefix}-${field}`;
  const pending = create.isPending || update.isPending;
  const oauth = values.auth === "oauth2";
  const imap = values.protocol === "imap";

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setNotice(undefined);
    setValues((v) => {
      const next = { ...v, [key]: value };
      // A port left at a usual value follows the protocol and TLS; one typed by hand stays.
      if ((key === "protocol" || key === "tls") && isDefaultPort(v.port))
        next.port = defaultPorts[next.protocol][next.tls ? "tls" : "plain"];
      return next;
    });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(undefined);
    const fields = {
      name: values.name,
      protocol: values.protocol,
      host: values.host,
      port: values.port,
      tls: values.tls,
      username: values.username,
      auth: values.auth,
      password: oauth ? null : values.password,
      oauthProvider: oauth ? (values.provider === "issuer" ? values.issuer : values.provider) : null,
      oauthClientId: oauth ? values.clientId : null,
      oauthClientSecret: oauth ? values.clientSecret : null,
      folder: imap ? values.folder : "INBOX",
      processedFolder: imap ? values.processedFolder : null,
      enabled: values.enabled,
    };
    if (mailbox) {
      if (await submit(updateMailboxInput, { id: mailbox.id, ...fields }, (input) => update.mutateAsync(input))) {
        router.refresh();
        onDone?.(t("updated", { name: fields.name.trim() }));
      }
      return;
    }
    if (await submit(createMailboxInput, fields, (input) => create.mutateAsync(input))) {
      setValues(initial(undefined));
      setNotice(t(oauth ? "createdOAuth" : "created", { name: fields.name.trim() }));
      router.refresh();
    }
  }

  const secretHint = (stored: boolean | undefined) => (mailbox ? (stored ? t("secretKept") : t("secretNone")) : undefined);
  const check = (field: "tls" | "enabled", label: string, hint: string) => (
    <div className="flex items-start gap-2">
      <input
        id={id(field)}
        name={field}
        type="checkbox"
        checked={values[field]}
        onChange={(e) => set(field, e.target.checked)}
        aria-describedby={`${id(field)}-hint`}
        className="mt-1 size-4"
      />
      <div className="flex flex-col gap-0.5">
        <label htmlFor={id(field)} className="text-sm font-medium">
          {label}
        </label>
        <p id={`${id(field)}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      </div>
    </div>
  );

  return (
    <form
      onSubmit={save}
      className="flex flex-col gap-4"
      noValidate
      aria-label={mailbox ? t("editTitle", { name: mailbox.name }) : t("createTitle")}
    >
      {notice && <FormMessage kind="success">{notice}</FormMessage>}
      {errors.form && <FormMessage kind="error">{errors.form}</FormMessage>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={id("name")}
          label={t("name")}
          hint={t("nameHint")}
          value={values.name}
          onChange={(e) => set("name", e.target.value)}
          error={errors.fields.name}
          maxLength={80}
          autoComplete="off"
        />
        <SelectField
          id={id("protocol")}
          label={t("protocol")}
          value={values.protocol}
          onChange={(e) => set("protocol", e.target.value as Protocol)}
          error={errors.fields.protocol}
        >
          <option value="imap">IMAP</option>
          <option value="pop3">POP3</option>
        </SelectField>
      </div>
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <Field
          id={id("host")}
          label={t("host")}
          value={values.host}
          onChange={(e) => set("host", e.target.value)}
          error={errors.fields.host}
          placeholder="imap.example.com"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <Field
          id={id("port")}
          label={t("port")}
          value={values.port}
          onChange={(e) => set("port", e.target.value)}
          error={errors.fields.port}
          inputMode="numeric"
          autoComplete="off"
        />
      </div>
      {check("tls", t("tls"), t("tlsHint"))}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id={id("username")}
          label={t("username")}
          value={values.username}
          onChange={(e) => set("username", e.target.value)}
          error={errors.fields.username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <SelectField
          id={id("auth")}
          label={t("auth")}
          value={values.auth}
          onChange={(e) => set("auth", e.target.value as Values["auth"])}
          error={errors.fields.auth}
        >
          <option value="password">{t("authPassword")}</option>
          <option value="oauth2">{t("authOAuth")}</option>
        </SelectField>
      </div>
      {!oauth && (
        <Field
          id={id("password")}
          label={t("password")}
          type="password"
          value={values.password}
          onChange={(e) => set("password", e.target.value)}
          error={errors.fields.password}
          hint={secretHint(mailbox?.hasPassword)}
          autoComplete="new-password"
        />
      )}
      {oauth && (
        <fieldset className="flex flex-col gap-4 rounded-md border border-slate-200 p-4 dark:border-slate-800">
          <legend className="px-1 text-sm font-semibold">{t("oauthTitle")}</legend>
          <p id={id("redirect")} className="text-xs break-all text-slate-600 dark:text-slate-400">
            {t("redirectHint", { uri: redirectUri })}
          </p>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              id={id("provider")}
              label={t("provider")}
              value={values.provider}
              onChange={(e) => set("provider", e.target.value as ProviderChoice)}
              error={values.provider === "issuer" ? undefined : errors.fields.oauthProvider}
            >
              <option value="microsoft">{t("providers.microsoft")}</option>
              <option value="google">{t("providers.google")}</option>
              <option value="issuer">{t("providers.issuer")}</option>
            </SelectField>
            {values.provider === "issuer" && (
              <Field
                id={id("issuer")}
                label={t("issuer")}
                type="url"
                value={values.issuer}
                onChange={(e) => set("issuer", e.target.value)}
                error={errors.fields.oauthProvider}
                placeholder="https://login.example.com/"
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              id={id("clientId")}
              label={t("clientId")}
              value={values.clientId}
              onChange={(e) => set("clientId", e.target.value)}
              error={errors.fields.oauthClientId}
              autoComplete="off"
              spellCheck={false}
            />
            <Field
              id={id("clientSecret")}
              label={t("clientSecret")}
              type="password"
              value={values.clientSecret}
              onChange={(e) => set("clientSecret", e.target.value)}
              error={errors.fields.oauthClientSecret}
              hint={secretHint(mailbox?.hasClientSecret) ?? t("clientSecretHint")}
              autoComplete="new-password"
            />
          </div>
        </fieldset>
      )}
      {imap && (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id={id("folder")}
            label={t("folder")}
            value={values.folder}
            onChange={(e) => set("folder", e.target.value)}
            error={errors.fields.folder}
            autoComplete="off"
            spellCheck={false}
          />
          <Field
            id={id("processedFolder")}
            label={t("processedFolder")}
            hint={t("processedFolderHint")}
            value={values.processedFolder}
            onChange={(e) => set("processedFolder", e.target.value)}
            error={errors.fields.processedFolder}
            autoComplete="off"
            spellCheck={false}
          />
        </div>
      )}
      {check("enabled", t("enabled"), t("enabledHint"))}
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass} disabled={pending}>
          {pending ? common("saving") : t(mailbox ? "save" : "create")}
        </button>
        {mailbox && (
          <button type="button" className={secondaryButtonClass} onClick={() => onDone?.()}>
            {t("cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
