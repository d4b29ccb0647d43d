// The Content-Security-Policy of Mesa's pages, with a fresh nonce per request (proxy.ts makes it and
// puts it on the request, where Next finds it and adds it to every script and style it renders; the
// inline theme script reads it from `x-nonce`). Scripts run only with the nonce, or when loaded by
// one that has it ('strict-dynamic': Next's chunks load each other); no inline event handlers, no
// eval outside development, no plugins, no framing, forms and <base> only to Mesa itself.
// Pages are rendered per request (the layout reads the nonce), so every page gets its own nonce.
// Used by proxy.ts, which Next bundles apart from the server: nothing here may import Node modules.

export interface PagePolicyOptions {
  nonce: string;
  /** Mesa's public URL (NEXTAUTH_URL). */
  appUrl: string;
  dev: boolean;
}

/** A nonce: 128 random bits, base64 (what CSP and Next's nonce parser accept). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function pagePolicy({ nonce, appUrl, dev }: PagePolicyOptions): string {
  const url = new URL(appUrl);
  const https = url.protocol === "https:";
  // 'self' covers ws:/wss: of the same host in current browsers; said explicitly for the others.
  const socket = `${https ? "wss" : "ws"}://${url.host}`;
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Next's dev overlay injects styles without the nonce.
    "style-src": ["'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    // Pasted screenshots are previewed from blob: URLs; data: for small inline images.
    "img-src": ["'self'", "blob:", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", socket],
    // The CAPTCHA's proof-of-work workers: bundled files of our own (app/_components/captcha), never
    // blob: URLs. Said explicitly rather than left to the script-src fallback, whose 'strict-dynamic'
    // ignores 'self' (Chromium lets a trusted script start a worker anyway; not every browser may).
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    ...(https ? { "upgrade-insecure-requests": [] } : {}),
  };
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}
