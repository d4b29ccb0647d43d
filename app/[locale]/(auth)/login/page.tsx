import { inlineLinkClass } from "../../../_components/field";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { titled } from "../../../_lib/page-title";
import { redirect as redirectTo } from "next/navigation";
import { FormMessage } from "../../../_components/field";
import { Link, redirect } from "../../../_i18n/navigation";
import { safeReturnPath } from "../../../_lib/return-to";
import { getViewer, homePath, serverCaller } from "../../../_lib/viewer";
import { LoginForm } from "./login-form";

export const generateMetadata = titled("Login.title");

export default async function LoginPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  const query = await searchParams;
  // `next`: a page of this site to come back to (the help centre's "Crear ticket", its sign-in link).
  const next = safeReturnPath(query.next);
  if (viewer && next) redirectTo(next);
  if (viewer) redirect({ href: homePath(viewer), locale: viewer.locale });
  const t = await getTranslations("Login");
  const tErrors = await getTranslations("Errors");
  const { google } = await (await serverCaller()).auth.providers();
  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      {query.activated && <FormMessage kind="success">{t("activated")}</FormMessage>}
      {query.reset && <FormMessage kind="success">{t("passwordReset")}</FormMessage>}
      {query.error && <FormMessage kind="error">{tErrors(query.error === "CredentialsSignin" ? "wrongCredentials" : "oauth")}</FormMessage>}
      <LoginForm googleEnabled={google} next={next} />
      <div className="flex flex-col gap-1 text-sm">
        <Link href="/forgot-password" className={inlineLinkClass}>
          {t("forgot")}
        </Link>
        <p>
          {t("noAccount")}{" "}
          <Link href="/register" className={inlineLinkClass}>
            {t("register")}
          </Link>
        </p>
      </div>
    </div>
  );
}
