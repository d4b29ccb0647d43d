import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { pageLocale, pageTitle } from "../../_lib/page-title";

/** Any address under /{locale} that no page answers: the translated not-found page (404). */
export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: pageTitle((await getTranslations({ locale: pageLocale(locale), namespace: "NotFound" }))("title")) };
}

export default function UnknownPage(): never {
  notFound();
}
