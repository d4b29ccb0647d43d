import { redirect } from "../_i18n/navigation";
import { getViewer, homePath } from "../_lib/viewer";

/** `/{locale}`: the signed-in person's home, in their profile's language; else the sign-in page. */
export default async function Home({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const viewer = await getViewer();
  if (!viewer) return redirect({ href: "/login", locale });
  return redirect({ href: homePath(viewer), locale: viewer.locale });
}
