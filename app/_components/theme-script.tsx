// Applies the saved theme before the first paint, so a dark page never flashes white.
const script = `(() => { try {
  const saved = localStorage.getItem("mesa-theme");
  const dark = saved ? saved === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.classList.toggle("dark", dark);
} catch {} })();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
