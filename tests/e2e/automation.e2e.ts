// The automation tick from outside: the cron route refuses anyone without the secret; the command
// previews through the running server (the embedded database belongs to it); and a customer reads on
// a resolved ticket when it will close by itself, in their language and time zone.
import { execFile } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createSupportTicket, DEMO_PASSWORD, trpc } from "./support/accounts";
import { msg } from "./support/messages";
import { expect, signIn, test } from "./support/test";

const run = promisify(execFile);

test("the cron route answers 401 without the secret", async ({ request }) => {
  expect((await request.get("/api/cron/tick")).status()).toBe(401);
  expect((await request.post("/api/cron/tick")).status()).toBe(401);
  expect((await request.get("/api/cron/tick", { headers: { authorization: "Bearer not-the-secret" } })).status()).toBe(401);
});

test("a customer sees when a resolved ticket closes by itself, in French and Montréal time; the command previews it through the server", async ({
  browser,
  account,
}) => {
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signIn(customer, account, "/es/tickets");
  await trpc(customer.request, "profile.update", { locale: "fr", timeZone: "America/Montreal" });
  const reference = await createSupportTicket(customer.request, { subject: "Se cerrará solo", description: "Detalle" });

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, { email: "agent@demo.test", password: DEMO_PASSWORD }, "/es/agent");
  await trpc(agent.request, "tickets.setStatus", { ticket: reference, status: "resolved" });
  // A query is a GET in tRPC; superjson wraps its result in `json` (dates as ISO strings).
  const input = encodeURIComponent(JSON.stringify({ json: { ticket: reference } }));
  const got = (await (await agent.request.get(`/api/trpc/tickets.get?input=${input}`)).json()) as {
    result: { data: { json: { automatic: { to: string; at: string } } } };
  };
  const { automatic } = got.result.data.json;
  expect(automatic.to).toBe("closed");
  await agentContext.close();

  await customer.goto(`/fr/tickets/${reference}`);
  const date = new Intl.DateTimeFormat("fr", { dateStyle: "medium", timeStyle: "short", timeZone: "America/Montreal" }).format(
    new Date(automatic.at),
  );
  await expect(customer.getByTestId("ticket-automatic")).toHaveText(msg("fr", "TicketView.autoCloseOn").replace("{date}", date));
  await customerContext.close();

  // Mesa (port 3100) holds its DATA_DIR: the command asks the running server, and only previews.
  const at = new Date(+new Date(automatic.at) + 3_600_000).toISOString();
  const { stdout } = await run(process.execPath, ["--import", "tsx", "scripts/automation.ts", "--at", at, "--dry-run"], {
    env: {
      ...process.env,
      DATA_DIR: path.join(os.tmpdir(), "mesa-e2e", "app-3100"),
      PORT: "3100",
      DATABASE_URL: "",
      NODE_ENV: "production" as const,
    },
  });
  expect(stdout).toContain("through the running server");
  expect(stdout).toContain(`${reference}: resolved → closed (would change)`);
});
