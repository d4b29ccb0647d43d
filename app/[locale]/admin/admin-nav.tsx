"use client";
// The admin area's tabs; the current screen is marked for the eye and for screen readers. On a
// phone the row scrolls sideways.
import { Link, usePathname } from "../../_i18n/navigation";

export function AdminNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  const tab =
    "whitespace-nowrap border-b-2 border-transparent px-3 py-2 text-sm aria-[current=page]:border-brand-700 aria-[current=page]:font-semibold";
  return (
    <nav aria-label={label} className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800">
      {links.map((l) => (
        <Link key={l.href} href={l.href} className={tab} aria-current={pathname === l.href ? "page" : undefined}>
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
