// "No encontrado", in the reader's language, inside the app's layout: for a ticket one may not see
// (exactly like one that does not exist) and for an unknown address. `home` is where to go next.
import { getTranslations } from "next-intl/server";
import { Link } from "../_i18n/navigation";

export async function NotFoundView({ home }: { home: "/tickets" | "/agent" | "/" }) {
  const t = await getTranslations("NotFound");
  const next = home === "/tickets" ? t("toTickets") : home === "/agent" ? t("toQueue") : t("home");
  return (
    <section className="mx-auto flex max-w-xl flex-col items-start gap-4 py-10" data-testid="not-found">
      <p className="font-mono text-sm text-slate-500 dark:text-slate-400">404</p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-slate-700 dark:text-slate-300">{t("text")}</p>
      <Link href={home} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800">
        {next}
      </Link>
    </section>
  );
}
