import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { FormMessage } from "../../../_components/field";
import { requireAdmin, serverCaller } from "../../../_lib/viewer";
import { card } from "../admin-ui";
import { MailboxForm } from "./mailbox-form";
import { MailboxList } from "./mailbox-list";

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export const generateMetadata = titled("Admin.nav.mailboxes");

/** Buzones: the mailboxes Mesa fetches mail from, with their last fetch and error, a form for a new
 * one, and the outcome of an OAuth2 "Conectar" when the provider sent the admin back here. */
export default async function MailboxesPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Search>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdmin(locale);
  const t = await getTranslations("Admin");
  const { mailboxes, redirectUri } = await (await serverCaller()).admin.mailboxes.list();
  const sp = await searchParams;
  const connected = one(sp.connected);
  const oauthError = one(sp.oauthError);
  const connectedName = connected ? mailboxes.find((m) => m.id === connected)?.name : undefined;
  const errorKey = oauthError && t.has(`mailboxes.oauthError.${oauthError}` as "mailboxes.oauthError.other") ? oauthError : "other";
  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-semibold">{t("nav.mailboxes")}</h1>
        <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">{t("mailboxes.intro")}</p>
      </div>
      {connectedName && <FormMessage kind="success">{t("mailboxes.connectedNotice", { name: connectedName })}</FormMessage>}
      {oauthError && (
        <FormMessage kind="error">{t(`mailboxes.oauthError.${errorKey}` as "mailboxes.oauthError.other", { key: oauthError })}</FormMessage>
      )}
      <section aria-labelledby="mailbox-list" className="flex flex-col gap-3">
        <h2 id="mailbox-list" className="text-lg font-semibold">
          {t("mailboxes.list")}
        </h2>
        <MailboxList mailboxes={mailboxes} redirectUri={redirectUri} timeZone={viewer.timeZone} />
      </section>
      <section aria-labelledby="mailbox-new" className={card}>
        <h2 id="mailbox-new" className="mb-4 text-lg font-semibold">
          {t("mailboxes.createTitle")}
        </h2>
        <MailboxForm redirectUri={redirectUri} />
      </section>
    </section>
  );
}
