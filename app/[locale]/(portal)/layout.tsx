import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { AppHeader } from "../../_components/app-header";
import { requireViewer } from "../../_lib/viewer";

export default async function PortalLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireViewer(locale);
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader viewer={viewer} area="portal" />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
    </div>
  );
}
