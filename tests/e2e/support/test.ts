// The `test` of the end-to-end suite: Playwright's, plus a fresh account of the test's own, and a
// check on every page of the test's browser context that React hydrated the server's HTML.
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { createAccount, signInOverHttp, type TestAccount } from "./accounts";

/** React's hydration errors (#418 text, #419/#423 recovered by client rendering, #425 text): the
 * server's HTML was thrown away and rendered again, and with it anything typed before that. */
const HYDRATION_ERROR = /Minified React error #(418|419|423|425)\b|Hydration failed|hydrat/i;

export const test = base.extend<{ account: TestAccount; hydrationWatch: void }>({
  // Created only for the tests that ask for it.
  account: async ({ request }, use) => {
    await use(await createAccount(request, { label: "e2e" }));
  },
  hydrationWatch: [
    async ({ context, browser }, use) => {
      const failures: string[] = [];
      const watch = (watched: BrowserContext) =>
        watched.on("page", (page) =>
          page.on("pageerror", (error) => {
            if (HYDRATION_ERROR.test(error.message)) failures.push(`${page.url()}: ${error.message.slice(0, 160)}`);
          }),
        );
      watch(context);
      // The contexts a test opens for other people (an agent beside a partner) are watched too.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const opened = await newContext(options);
        watch(opened);
        return opened;
      };
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
      expect(failures, "pages whose server HTML did not hydrate").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Signs `page`'s browser context in over HTTP and opens `path`. */
export async function signIn(page: Page, who: { email: string; password: string }, path = "/es"): Promise<void> {
  await signInOverHttp(page.request, who.email, who.password);
  await page.goto(path);
}

/** The signed-in person's name in the header (it exists twice: desktop bar and phone menu). */
export const viewerName = (page: Page) => page.getByTestId("viewer-name").filter({ visible: true });

/** Watches this page's Socket.IO connection (call it before the page loads). `connected()` turns
 * true once the server's CONNECT packet ("40{…}") arrived, over long-polling or the WebSocket: the
 * socket has then joined its rooms, so events emitted from then on reach it. */
export function watchRealtime(page: Page): { connected: () => boolean; onWebSocket: () => boolean } {
  let connected = false;
  let openWebSockets = 0;
  const check = (payload: string) => {
    // eslint-disable-next-line no-control-regex -- \x1e is Engine.IO's record separator between long-polling packets
    if (/(^|\x1e)40\{/.test(payload)) connected = true;
  };
  page.on("response", (response) => {
    if (response.url().includes("/socket.io/") && response.request().method() === "GET") response.text().then(check, () => {});
  });
  page.on("websocket", (ws) => {
    if (!ws.url().includes("/socket.io/")) return;
    openWebSockets++;
    ws.on("framereceived", (frame) => check(String(frame.payload)));
    ws.on("close", () => openWebSockets--);
  });
  /** The live channel is a WebSocket that stayed open (not long-polling after a refused upgrade). */
  return { connected: () => connected, onWebSocket: () => openWebSockets > 0 };
}

/** The page's own alert (a form error); Next's route announcer is an alert too and is left out. */
export const formAlert = (page: Page) => page.locator('[role="alert"]:not(#__next-route-announcer__)');
