import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { AppHeader } from "../../_components/app-header";
import { requireStaff } from "../../_lib/viewer";
import { AgentNav } from "./agent-nav";

export default async function AgentLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaff(locale);
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader viewer={viewer} area="agent" />
      <AgentNav />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">{children}</main>
    </div>
  );
}
