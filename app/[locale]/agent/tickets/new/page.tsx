import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../../_lib/page-title";
import { requireStaff, serverCaller } from "../../../../_lib/viewer";
import { OnBehalfForm } from "./on-behalf-form";

export const generateMetadata = titled("OnBehalf.title");

/** Support opens a ticket for a customer (after a phone call, say). */
export default async function NewTicketOnBehalfPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireStaff(locale);
  const t = await getTranslations("OnBehalf");
  const options = await (await serverCaller()).onBehalf.options();
  return (
    <section className="mx-auto flex w-full max-w-2xl flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">{t("intro")}</p>
      <OnBehalfForm organizations={options.organizations} departments={options.departments} />
    </section>
  );
}
