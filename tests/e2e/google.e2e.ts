// "Continuar con Google" against a local OpenID provider: a new identity becomes a partner; an
// identity with the verified email of an existing account signs in to that account.
import { randomUUID } from "node:crypto";
import { test, expect } from "./support/test";
import { uniqueEmail } from "./support/accounts";
import { nextGoogleIdentity } from "./support/google";
import { msg } from "./support/messages";
import { viewerName } from "./support/test";

test("a new Google identity creates a partner that lands on Mis Tickets", async ({ page, context }) => {
  const identity = { sub: `google-${randomUUID()}`, email: uniqueEmail("google-new"), name: "Gael Google" };
  await nextGoogleIdentity(context, identity);

  await page.goto("/es/login");
  await page.getByRole("button", { name: "Continuar con Google" }).click();

  await expect(page).toHaveURL(/\/es\/tickets$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mis Tickets" })).toBeVisible();
  await expect(viewerName(page)).toHaveText(identity.name);

  // Signing in again with the same identity reaches the same account.
  await page.getByRole("button", { name: msg("es", "Common.signOut") }).click();
  await expect(page).toHaveURL(/\/es\/login$/);
  await nextGoogleIdentity(context, { ...identity, name: "Nombre Cambiado en Google" });
  await page.getByRole("button", { name: "Continuar con Google" }).click();
  await expect(page).toHaveURL(/\/es\/tickets$/);
  await expect(viewerName(page)).toHaveText(identity.name);
});

test("a Google identity with the email of an existing account is linked to it", async ({ page, context, account }) => {
  await nextGoogleIdentity(context, { sub: `google-${randomUUID()}`, email: account.email, name: "Otro Nombre de Google" });

  await page.goto("/es/login");
  await page.getByRole("button", { name: "Continuar con Google" }).click();

  await expect(page).toHaveURL(/\/es\/tickets$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mis Tickets" })).toBeVisible();
  // The existing account, not a new one named after the Google profile.
  await expect(viewerName(page)).toHaveText(account.name);
});

test("an unverified Google email does not take over an existing account", async ({ page, context, account }) => {
  await nextGoogleIdentity(context, { sub: `google-${randomUUID()}`, email: account.email, name: "Intruso", email_verified: false });

  await page.goto("/es/login");
  await page.getByRole("button", { name: "Continuar con Google" }).click();

  await expect(page).toHaveURL(/\/es\/login\?error=/);
  await expect(page.getByText(msg("es", "Errors.oauth"))).toBeVisible();
});
