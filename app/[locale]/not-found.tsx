import { AppHeader } from "../_components/app-header";
import { NotFoundView } from "../_components/not-found-view";
import { getViewer, homePath } from "../_lib/viewer";

/** An unknown address under /{locale}: with the signed-in header when there is a session. */
export default async function LocaleNotFound() {
  const viewer = await getViewer();
  if (!viewer) {
    return (
      <main className="mx-auto w-full max-w-6xl px-4 py-6">
        <NotFoundView home="/" />
      </main>
    );
  }
  const home = homePath(viewer);
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader viewer={viewer} area={home === "/agent" ? "agent" : "portal"} />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        <NotFoundView home={home === "/profile" ? "/" : home} />
      </main>
    </div>
  );
}
