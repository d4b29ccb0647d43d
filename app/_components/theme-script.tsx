// Applies the saved theme before the first paint, so a dark page never flashes white. It carries the
// request's CSP nonce (proxy.ts): under the Content-Security-Policy no inline script runs without it.
// Reading the request headers also renders every page per request, which a per-request nonce needs.
import { headers } from "next/headers";

const script = `(() => { try {
  const saved = localStorage.getItem("mesa-theme");
  const dark = saved ? saved === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.classList.toggle("dark", dark);
} catch {} })();`;

export async function ThemeScript() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
