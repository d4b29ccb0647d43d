// The `test` of the end-to-end suite: Playwright's, plus a fresh account of the test's own.
import { test as base, expect, type Page } from "@playwright/test";
import { createAccount, signInOverHttp, type TestAccount } from "./accounts";

export const test = base.extend<{ account: TestAccount }>({
  // Created only for the tests that ask for it.
  account: async ({ request }, use) => {
    await use(await createAccount(request, { label: "e2e" }));
  },
});
export { expect };

/** Signs `page`'s browser context in over HTTP and opens `path`. */
export async function signIn(page: Page, who: { email: string; password: string }, path = "/es"): Promise<void> {
  await signInOverHttp(page.request, who.email, who.password);
  await page.goto(path);
}

/** The signed-in person's name in the header (it exists twice: desktop bar and phone menu). */
export const viewerName = (page: Page) => page.getByTestId("viewer-name").filter({ visible: true });

/** Resolves once this page's Socket.IO connection is established (its rooms are then joined): the
 * server's CONNECT packet ("40{…}") arrives over long-polling or over the WebSocket. Call it before
 * the page loads. */
export function realtimeConnected(page: Page): Promise<void> {
  return new Promise((resolve) => {
    const check = (payload: string) => {
      if (/(^|\x1e)40\{/.test(payload)) resolve();
    };
    page.on("response", (response) => {
      if (response.url().includes("/socket.io/") && response.request().method() === "GET") {
        response.text().then(check, () => {});
      }
    });
    page.on("websocket", (ws) => {
      if (ws.url().includes("/socket.io/")) ws.on("framereceived", (frame) => check(String(frame.payload)));
    });
  });
}

/** The page's own alert (a form error); Next's route announcer is an alert too and is left out. */
export const formAlert = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');
