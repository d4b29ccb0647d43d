// The email channel in the browser: a partner gets the "ticket created" mail, answers it the way a
// mail client does (Spanish quoted history, In-Reply-To, to the ticket's reply address), the mail
// provider posts it to Mesa's inbound webhook, and the answer appears live in the partner's open
// ticket page without the quote (behind "Mostrar texto citado"), while in the agent's queue the
// ticket's row moves up (the queue is ordered by last activity).
import { buildMail, quotedReply } from "../support/mail-builder";
import { createSupportTicket, DEMO_PASSWORD } from "./support/accounts";
import { mailsTo } from "./support/mail";
import { msg } from "./support/messages";
import { expect, signIn, test, watchRealtime } from "./support/test";
import type { ReceivedMail } from "./support/fixtures-config";

const m = (key: string) => msg("es", key);
const INBOUND_SECRET = "e2e-inbound-secret-0123456789abcdef";

test("a partner's mailed answer appears live in the open ticket, without the quote, and the agent's queue row moves", async ({
  browser,
  request,
}) => {
  const partnerContext = await browser.newContext();
  const agentContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  const agent = await agentContext.newPage();

  const stamp = Date.now().toString(36);
  const answered = `Correo ${stamp} A`;
  const newer = `Correo ${stamp} B`;
  await signIn(partner, { email: "partner@demo.test", password: DEMO_PASSWORD }, "/es/tickets");
  const reference = await createSupportTicket(partner.request, {
    subject: answered,
    description: "No llegan los correos.",
    organization: "Acme Hosting",
  });
  await createSupportTicket(partner.request, { subject: newer, description: "Otra consulta.", organization: "Acme Hosting" });

  // The creation mail, as the partner's mail client received it.
  let created: ReceivedMail | undefined;
  await expect
    .poll(async () => (created = (await mailsTo(request, "partner@demo.test")).find((mail) => mail.subject.includes(reference)))?.subject, {
      timeout: 20_000,
    })
    .toContain(reference);
  expect(created!.replyTo).toMatch(/^reply\+[0-9a-f]{32}@/);

  const agentLive = watchRealtime(agent);
  await signIn(agent, { email: "agent@demo.test", password: DEMO_PASSWORD }, "/es/agent?view=all");
  await expect.poll(agentLive.connected).toBe(true);
  const order = async () => {
    const rows = await agent.getByRole("link").allTextContents();
    return rows.findIndex((r) => r.includes(answered)) > rows.findIndex((r) => r.includes(newer));
  };
  await expect.poll(order).toBe(true); // the newer ticket is above

  const partnerLive = watchRealtime(partner);
  await partner.goto(`/es/tickets/${reference}`);
  await expect.poll(partnerLive.connected).toBe(true);

  const raw = await buildMail({
    from: "Paula Partner <partner@demo.test>",
    to: created!.replyTo,
    subject: `RE: ${created!.subject}`,
    text: quotedReply("He revisado el MX y sigue sin llegar nada.", created!.text),
    inReplyTo: created!.messageId,
    references: created!.messageId,
  });
  const posted = await request.post("/api/inbound/email", {
    data: raw,
    headers: { authorization: `Bearer ${INBOUND_SECRET}`, "content-type": "message/rfc822" },
  });
  expect(posted.status()).toBe(202);

  // Live, without reload: the answer, not its quoted history (kept behind a toggle).
  await expect(partner.getByText("He revisado el MX y sigue sin llegar nada.")).toBeVisible();
  await expect(partner.getByText("escribió:")).toBeHidden();
  const toggle = partner.getByRole("button", { name: m("TicketView.mail.showQuoted") });
  await toggle.click();
  await expect(partner.getByText(/escribió:/)).toBeVisible();

  // The agent's queue: the answered ticket moved above the newer one.
  await expect.poll(order).toBe(false);

  await partnerContext.close();
  await agentContext.close();
});
