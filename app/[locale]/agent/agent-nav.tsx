"use client";
// The agent's desk, one row under the header: the queue, the calls to make, a ticket opened for a
// customer, canned replies and reports. The page one is on is marked; on a phone the row scrolls.
import { useTranslations } from "next-intl";
import { Link, usePathname } from "../../_i18n/navigation";

const desk = [
  { href: "/agent", key: "Nav.queue" },
  { href: "/agent/calls", key: "Calls.nav" },
  { href: "/agent/tickets/new", key: "OnBehalf.nav" },
  { href: "/agent/canned-replies", key: "Canned.title" },
  { href: "/agent/reports", key: "Reports.nav" },
] as const;

export function AgentNav() {
  const t = useTranslations();
  const path = usePathname();
  // The queue is also where its tickets open from: /agent/tickets/TK-… belongs to it.
  const current = (href: string) =>
    href === "/agent" ? path === "/agent" || /^\/agent\/tickets\/(?!new$)/.test(path) : path === href || path.startsWith(`${href}/`);
  return (
    <nav aria-label={t("Nav.desk")} className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-950">
      <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4">
        {desk.map(({ href, key }) => (
          <li key={href}>
            <Link
              href={href}
              aria-current={current(href) ? "page" : undefined}
              className="block whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm text-slate-700 hover:text-slate-900 aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold dark:text-slate-300 dark:hover:text-white dark:aria-[current=page]:border-brand-300"
            >
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
