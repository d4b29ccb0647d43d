// The HTTP hardening of the real server (server/main.ts with server/http/ in front of Next, proxy.ts
// for the pages' CSP): security headers on pages, API and Socket.IO; a 2 MB JSON body to tRPC is
// refused with 413 and a POST from another origin with 403; and the app still works under its
// Content-Security-Policy — the signed-in ticket list renders without a single CSP violation, the
// inline theme script runs, the live connection opens and a ticket is created through the form —
// while a page of another origin cannot frame it.
import superjson from "superjson";
import { DEMO_PASSWORD, signInOverHttp } from "./support/accounts";
import { msg } from "./support/messages";
import { expect, signIn, test, watchRealtime } from "./support/test";

const m = (key: string) => msg("es", key);
const partner = { email: "partner@demo.test", password: DEMO_PASSWORD };

const common = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
};

test("pages, API answers and Socket.IO carry the security headers", async ({ request }) => {
  const page = await request.get("/es/login");
  expect(page.status()).toBe(200);
  expect(page.headers()).toMatchObject(common);
  const policy = page.headers()["content-security-policy"]!;
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-inline");
  // The nonce is new on every request, and the page's scripts carry it.
  const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
  expect(await page.text()).toContain(`nonce="${nonce}"`);
  const again = await request.get("/es/login");
  expect(again.headers()["content-security-policy"]).not.toBe(policy);
  // Served over http here: no HSTS (it comes with an https NEXTAUTH_URL).
  expect(page.headers()["strict-transport-security"]).toBeUndefined();

  const api = await request.get("/api/health");
  expect(api.headers()).toMatchObject({ ...common, "content-security-policy": expect.stringContaining("default-src 'none'") });
  const trpc = await request.get("/api/trpc/profile.get");
  expect(trpc.headers()).toMatchObject(common);

  const polling = await request.get("/socket.io/?EIO=4&transport=polling");
  expect(polling.headers()).toMatchObject(common);
});

test("a 2 MB JSON body to tRPC is refused with 413 before it is parsed", async ({ request }) => {
  const response = await request.post("/api/trpc/auth.register", {
    data: JSON.stringify(
      superjson.serialize({ name: "x".repeat(2 * 1024 * 1024), email: "big@e2e.test", password: "clave-de-prueba-1", locale: "es" }),
    ),
    headers: { "content-type": "application/json" },
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toMatchObject({ code: "payload_too_large" });
});

test("a signed-in person's cookie does not carry a POST from another origin", async ({ page, baseURL }) => {
  await signInOverHttp(page.request, partner.email, partner.password);
  const input = {
    type: "request",
    departmentId: 1,
    categoryId: 1,
    organizationId: null,
    serviceIds: [],
    watcherIds: [],
    subject: "Forjado",
    description: "x",
  };
  const forged = await page.request.post("/api/trpc/tickets.create", {
    data: JSON.stringify(superjson.serialize(input)),
    headers: { "content-type": "application/json", origin: "https://evil.example" },
  });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ code: "cross_origin" });
  // A same-site page (a sibling subdomain) posting a text/plain form to the upload route.
  const sameSite = await page.request.post("/api/attachments?name=a.txt&organizationId=", {
    data: "x",
    headers: { "content-type": "text/plain", "sec-fetch-site": "same-site" },
  });
  expect(sameSite.status()).toBe(403);
  // Mesa's own origin passes the check (and then the procedure validates the input as usual).
  const own = await page.request.post("/api/trpc/profile.get", { headers: { origin: new URL(baseURL!).origin } });
  expect(own.status()).not.toBe(403);
});

test("the signed-in ticket list works under the CSP: no violation, theme script, live connection, a ticket created", async ({
  page,
  baseURL,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`page error: ${error.message}`));
  const realtime = watchRealtime(page);

  await signIn(page, partner, "/es/tickets");
  await expect(page.getByRole("heading", { level: 1, name: m("Tickets.title") })).toBeVisible();
  await expect.poll(realtime.connected).toBe(true);

  // The inline theme script (it carries the nonce) runs before paint.
  await page.evaluate(() => localStorage.setItem("mesa-theme", "dark"));
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/\bdark\b/);
  await page.evaluate(() => localStorage.removeItem("mesa-theme"));

  await page.getByRole("link", { name: m("TicketList.create") }).click();
  await page.getByLabel(m("TicketForm.type")).selectOption("incident");
  await page.getByLabel(m("TicketForm.department")).selectOption({ label: "Soporte Técnico" });
  await page.getByLabel(m("TicketForm.category")).selectOption({ label: "General" });
  const subject = `Bajo la CSP ${Date.now().toString(36)}`;
  await page.getByLabel(m("TicketForm.subject")).fill(subject);
  await page.getByLabel(m("TicketForm.description")).fill("Creado con la política de contenido activa.");
  await page.getByRole("button", { name: m("TicketForm.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\/es\/tickets\/TK-\d{6}$/);
  await expect(page.getByText(subject).first()).toBeVisible();
  await page.goto("/es/tickets");
  await expect(page.getByTestId("ticket-list")).toContainText(subject);
  expect(violations).toEqual([]);

  // A page of another origin cannot frame Mesa (frame-ancestors 'none', X-Frame-Options: DENY).
  const framer = await page.context().newPage();
  const refusals: string[] = [];
  framer.on("console", (message) => refusals.push(message.text()));
  await framer.setContent(`<iframe src="${baseURL}/es/tickets"></iframe>`);
  await expect.poll(() => refusals.some((text) => text.includes("frame-ancestors"))).toBe(true);
  await expect(framer.frameLocator("iframe").getByTestId("ticket-list")).toHaveCount(0);
});
