// The help centre: public pages. A signed-in person keeps the app's header; anyone else gets the
// public one (language, theme, sign-in). Whether a sign-in is required is each page's check
// (help-access.ts): layout and page render in parallel.
import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { AppHeader } from "../../_components/app-header";
import { PublicHeader } from "../../_components/public-header";
import { getViewer } from "../../_lib/viewer";

export default async function HelpLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  return (
    <div className="flex min-h-dvh flex-col">
      {viewer ? <AppHeader viewer={viewer} area="portal" /> : <PublicHeader />}
      <main className="mx-auto w-full max-w-4xl flex-1 px-4 py-6">{children}</main>
    </div>
  );
}
