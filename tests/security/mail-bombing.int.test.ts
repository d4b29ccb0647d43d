// Mail bombing, as the security review found it and as it is now refused: "forgot-password and
// registration send a mail per request with no limit, and tRPC batching multiplies it (one anonymous
// …/api/trpc/auth.requestPasswordReset,…(×20)?batch=1 sent 20 mails and ran 20 argon2 hashes)".
// Real HTTP requests through the route handler (app/api/trpc/[trpc]/route.ts) with the client
// address the custom server puts in x-mesa-client-ip, real PGlite, a real SMTP capture fed by the
// outbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailRules } from "../../server/auth/throttle-policy";
import type { Db } from "../../server/db";
import { deliverOutbox } from "../../server/notifications/outbox";
import { MAX_BATCH_SIZE } from "../../app/api/trpc/[trpc]/batch-limit";
import { POST } from "../../app/api/trpc/[trpc]/route";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, makeUser, uniqueEmail } from "../support/factories";
import { useDatabase } from "../support/http";
import type { Mailbox } from "../support/mailbox";
import { message } from "../support/messages";

let world: DemoWorld;
let db: Db;
let mailbox: Mailbox;
beforeAll(async () => {
  world = await openDemoWorld({ mail: true });
  ({ db } = world);
  mailbox = world.mailbox!;
  useDatabase(world.database);
});
afterAll(async () => {
  useDatabase(undefined);
  await world?.close();
});

let hosts = 0;
const newAddress = () => `203.0.113.${++hosts}`;

interface BatchItem {
  result?: { data: { json: unknown } };
  error?: { json: { message: string; code: number; data: { code: string; appCode?: string } } };
}

/** One HTTP request carrying `inputs.length` calls of `procedure`, as the finding sent it. */
async function batch(procedure: string, inputs: unknown[], ip: string, locale = "en"): Promise<{ status: number; body: unknown }> {
  const paths = inputs.map(() => procedure).join(",");
  const body = Object.fromEntries(inputs.map((input, i) => [i, { json: input }]));
  const response = await POST(
    new Request(`http://mesa.test/api/trpc/${paths}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-mesa-client-ip": ip, "x-mesa-locale": locale },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: await response.json() };
}

async function mailsTo(address: string) {
  await deliverOutbox(db);
  return mailbox.to(address);
}

describe("tRPC batching", () => {
  it("the finding's request: 20 password resets in one batch are refused whole, no mail and no work", async () => {
    const victim = await makeUser(db, { label: "victim" });
    const sent = mailbox.received.length;
    const { status, body } = await batch("auth.requestPasswordReset", Array(20).fill({ email: victim.email }), newAddress());
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toContain("Batch call exceeds maximum size");
    expect(await mailsTo(victim.email)).toHaveLength(0);
    expect(mailbox.received.length).toBe(sent);
    expect(await db.rateCounter.count({ where: { key: `mail-to:${victim.email}` } })).toBe(0);
  });

  it(`batches of ${MAX_BATCH_SIZE} are served, each call counting: the victim gets ${mailRules.recipient.limit} mails, not 20`, async () => {
    const victim = await makeUser(db, { label: "victim" });
    const ip = newAddress();
    const answers: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      const { status, body } = await batch("auth.requestPasswordReset", Array(MAX_BATCH_SIZE).fill({ email: victim.email }), ip);
      expect(status).toBe(200);
      answers.push(...(body as BatchItem[]).map((item) => item.result?.data.json));
    }
    // Every call answers as usual (the limit on the recipient says nothing about the account)…
    expect(answers).toEqual(Array(20).fill({ ok: true }));
    // …and the victim's inbox got the recipient's share only.
    expect(await mailsTo(victim.email)).toHaveLength(mailRules.recipient.limit);
  });

  it("past the address's limit every further call, inside a batch too, is refused in the page's language", async () => {
    const ip = newAddress();
    const targets = Array.from({ length: 30 }, () => ({ email: uniqueEmail("stranger") }));
    const items: BatchItem[] = [];
    for (let i = 0; i < 30; i += MAX_BATCH_SIZE)
      items.push(...((await batch("auth.requestPasswordReset", targets.slice(i, i + MAX_BATCH_SIZE), ip, "es")).body as BatchItem[]));
    const ok = items.filter((item) => item.result);
    const refused = items.filter((item) => item.error);
    expect(ok).toHaveLength(mailRules.address.limit);
    expect(refused).toHaveLength(30 - mailRules.address.limit);
    for (const item of refused) {
      expect(item.error!.json.data).toMatchObject({ code: "TOO_MANY_REQUESTS", appCode: "rate_limited" });
      expect(item.error!.json.message).toBe(message("es", "Errors.tooManyRequests"));
    }
    // The refused calls did nothing: no counter of theirs was touched.
    const refusedEmails = targets.slice(mailRules.address.limit).map((t) => `mail-to:${t.email}`);
    expect(await db.rateCounter.count({ where: { key: { in: refusedEmails } } })).toBe(0);
  });

  it("registrations of someone else's address: one batch mails its owner 3 times at most, and the address's share of registrations runs out", async () => {
    const owner = await makeUser(db, { label: "registered-owner" });
    const ip = newAddress();
    const input = { name: "Mallory", email: owner.email, password: "attacker controls this", locale: "en" };
    const { body } = await batch("auth.register", Array(MAX_BATCH_SIZE).fill(input), ip);
    expect((body as BatchItem[]).map((item) => item.result?.data.json)).toEqual(Array(MAX_BATCH_SIZE).fill({ email: owner.email }));
    const mails = await mailsTo(owner.email);
    expect(mails).toHaveLength(mailRules.recipient.limit);
    expect(new Set(mails.map((m) => m.subject))).toEqual(new Set([message(owner.locale, "Email.registrationExisting.subject")]));
    // The same address then registering new addresses runs out after its share of requests.
    const more = Array.from({ length: MAX_BATCH_SIZE + 5 }, (_, i) => ({ ...input, email: uniqueEmail(`new-${i}`) }));
    const items: BatchItem[] = [];
    for (let i = 0; i < more.length; i += MAX_BATCH_SIZE)
      items.push(...((await batch("auth.register", more.slice(i, i + MAX_BATCH_SIZE), ip)).body as BatchItem[]));
    expect(items.filter((item) => item.error?.json.data.code === "TOO_MANY_REQUESTS")).toHaveLength(
      MAX_BATCH_SIZE + MAX_BATCH_SIZE + 5 - mailRules.address.limit,
    );
    // Nothing was created for a refused registration.
    const refusedEmails = more.slice(mailRules.address.limit - MAX_BATCH_SIZE).map((m) => m.email);
    expect(await db.user.count({ where: { email: { in: refusedEmails } } })).toBe(0);
  });

  it("invitations: an organization admin re-inviting one address mails it 3 times an hour at most", async () => {
    const orgAdmin = await world.login("orgadmin@demo.test");
    const acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
    const email = uniqueEmail("invited-often");
    for (let i = 0; i < 6; i++) {
      expect(await callerFor(db, orgAdmin).organizations.invite({ organizationId: acmeId, email, role: "member", locale: "en" })).toEqual({
        invited: true,
      });
    }
    expect(await mailsTo(email)).toHaveLength(mailRules.recipient.limit);
  });
});
