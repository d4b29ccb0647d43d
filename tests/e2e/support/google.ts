// Chooses who the local OpenID provider (standing in for Google) signs a browser context in as.
import { expect, type BrowserContext } from "@playwright/test";
import { FIXTURES, type Identity } from "./fixtures-config";

/** The next Google sign-in of `context` will be `identity`. The provider picks it by a cookie on its
 * own origin, so tests running in parallel never swap identities. */
export async function nextGoogleIdentity(context: BrowserContext, identity: Identity): Promise<void> {
  const response = await context.request.post(`${FIXTURES.apiUrl}/oidc/next-identity`, { data: identity });
  expect(response.ok()).toBe(true);
  const { key, cookie } = (await response.json()) as { key: string; cookie: string };
  await context.addCookies([{ name: cookie, value: key, url: FIXTURES.oidcIssuer }]);
}
