// Test users of their own, so tests running in parallel never change an account another test uses:
// registered and activated over the app's HTTP API (tRPC) with the real activation email, and signed
// in over next-auth's HTTP endpoints (only the sign-in tests sign in through the form).
import { expect, type APIRequestContext } from "@playwright/test";
import superjson from "superjson";
import { captchaPayload } from "./captcha";
import { appLink, waitForMail } from "./mail";
import { msg, type Locale } from "./messages";

export const DEMO_PASSWORD = "demo1234";

/** The demo accounts every fresh database has; tests only read them, never change them. */
export const demoAccounts = [
  { email: "partner@demo.test", name: "Paula Partner", home: "/es/tickets", title: "Tickets.title" },
  { email: "orgadmin@demo.test", name: "Óscar Org-Admin", home: "/es/tickets", title: "Tickets.title" },
  { email: "partner2@demo.test", name: "Gloria Globex", home: "/es/tickets", title: "Tickets.title" },
  { email: "agent@demo.test", name: "Álex Agente", home: "/es/agent", title: "Agent.title" },
  { email: "admin@demo.test", name: "Ada Admin", home: "/es/agent", title: "Agent.title" },
] as const;

export interface TestAccount {
  email: string;
  name: string;
  password: string;
  locale: Locale;
}

let counter = 0;
/** An address no other test (or earlier run against the same database) uses. */
export function uniqueEmail(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 6)}@e2e.test`;
}

/** Calls a tRPC procedure over HTTP the way the browser's client does (superjson, no batching). */
export async function trpc<T = unknown>(request: APIRequestContext, procedure: string, input: unknown, locale: Locale = "es"): Promise<T> {
  const response = await request.post(`/api/trpc/${procedure}`, {
    data: superjson.serialize(input),
    headers: { "content-type": "application/json", "x-mesa-locale": locale },
  });
  const body = (await response.json()) as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: unknown };
  if (!response.ok() || !body.result) throw new Error(`${procedure} failed (${response.status()}): ${JSON.stringify(body.error ?? body)}`);
  return superjson.deserialize<T>(body.result.data);
}

/** Creates an incident in Soporte Técnico (the demo agent's department) as the person signed in on
 * `request`, optionally for one of their organizations; returns its reference (TK-000042). */
export async function createSupportTicket(
  request: APIRequestContext,
  ticket: { subject: string; description: string; organization?: string },
): Promise<string> {
  // A query is a GET in tRPC; superjson wraps its result in `json`.
  const options = (await (await request.get("/api/trpc/tickets.formOptions")).json()) as {
    result: {
      data: {
        json: { departments: { id: number; slug: string; categories: { id: number }[] }[]; organizations: { id: string; name: string }[] };
      };
    };
  };
  const { departments, organizations } = options.result.data.json;
  // By slug: the name is in the person's language (a French customer reads "Support technique").
  const support = departments.find((d) => d.slug === "soporte-tecnico")!;
  const organizationId = ticket.organization ? organizations.find((o) => o.name === ticket.organization)!.id : null;
  const { reference } = await trpc<{ reference: string }>(request, "tickets.create", {
    type: "incident",
    departmentId: support.id,
    categoryId: support.categories[0]!.id,
    organizationId,
    serviceIds: [],
    watcherIds: [],
    subject: ticket.subject,
    description: ticket.description,
  });
  return reference;
}

/** Registers a partner and activates it with the token from its activation email. */
export async function createAccount(
  request: APIRequestContext,
  options: { label?: string; name?: string; locale?: Locale; password?: string } = {},
): Promise<TestAccount> {
  const locale = options.locale ?? "es";
  const account: TestAccount = {
    email: uniqueEmail(options.label ?? "user"),
    name: options.name ?? `Prueba ${Math.random().toString(36).slice(2, 7)}`,
    password: options.password ?? "clave-de-prueba-1",
    locale,
  };
  // The main app asks for the CAPTCHA (playwright.config.ts): solved here, as the widget would.
  const captcha = await captchaPayload(request);
  await trpc(request, "auth.register", { name: account.name, email: account.email, password: account.password, locale, captcha }, locale);
  const mail = await waitForMail(request, account.email, msg(locale, "Email.activation.subject"));
  const token = appLink(mail, "activate").searchParams.get("token");
  expect(token, "activation token").toBeTruthy();
  await trpc(request, "auth.activate", { token }, locale);
  return account;
}

/** Signs in with email and password through next-auth's endpoints; the session cookie lands in the
 * browser context that owns `request` (use `page.request` or `context.request`). */
export async function signInOverHttp(request: APIRequestContext, email: string, password: string): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${email}`).toBeLessThan(400);
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { id?: string } };
  expect(session.user?.id, `session of ${email}`).toBeTruthy();
}
