// Where to go back after signing in (`/login?next=…`): only a path of this site, never another origin
// ("//evil.example", "/\evil.example" and absolute URLs are refused).
export function safeReturnPath(value: string | null | undefined): string | null {
  if (!value || value.length > 500) return null;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\u0000-\u001f\\]/.test(value)) return null;
  return value;
}

/** The sign-in page that comes back to `path` (with its locale) afterwards. */
export const signInThenBack = (path: string) => `/login?next=${encodeURIComponent(path)}`;
