// The words of a notification mail agree with the number of files it names: one file is "Archivo
// adjunto … Descárgalo", several are "3 archivos adjuntos … Descárgalos", in each language.
import type { SignedIn } from "../support/factories";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { recordEvent } from "../../server/events/record-event";
import { deliverOutbox } from "../../server/notifications/outbox";
import { queueTicketMail } from "../../server/notifications/ticket-mail";
import { upsertUser } from "../../server/seed/demo";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { openAcmeTicket } from "../support/factories";

let world: DemoWorld;
let db: Db;
let partner: SignedIn;
let agent: SignedIn;

beforeAll(async () => {
  world = await openDemoWorld({ mail: true });
  ({ db } = world);
  [partner, agent] = (await Promise.all(["partner@demo.test", "agent@demo.test"].map(world.login))) as [SignedIn, SignedIn];
});
afterAll(() => world?.close());

/** An agent reply carrying `files`, as mailed to the requester (Spanish) and an English watcher. */
async function replyMail(files: string[], refusedFiles: string[] = []) {
  const { id, reference } = await openAcmeTicket(db, partner, `Adjuntos ${files.length}`, "Ver adjuntos");
  const acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } });
  const en = await upsertUser(db, { email: "ellen@example.test", name: "Ellen Reed", locale: "en", organizationId: acme.id });
  await db.watcher.create({ data: { ticketId: id, userId: en.id, addedById: partner.id, createdAt: new Date() } });
  await db.$transaction(async (tx) => {
    const eventId = await recordEvent(tx, id, agent.id, "replied", { at: new Date() });
    await queueTicketMail(tx, {
      ticketId: id,
      eventId,
      kind: "agent_reply",
      actorId: agent.id,
      text: "Adjunto lo pedido.",
      files,
      refusedFiles,
    });
  });
  await deliverOutbox(db);
  const text = (to: string) =>
    world
      .mailbox!.to(to)
      .find((m) => m.subject?.includes(`[${reference}]`) && m.text?.includes("Adjunto lo pedido."))!
      .text!.replace(/\s+/g, " ");
  return { es: text("partner@demo.test"), en: text("ellen@example.test") };
}

describe("file names in ticket mails", () => {
  it("speak of one file in the singular", async () => {
    const mail = await replyMail(["factura.pdf"], ["virus.exe (tipo no permitido)"]);
    expect(mail.es).toContain("Archivo adjunto: factura.pdf. Descárgalo desde el ticket.");
    expect(mail.en).toContain("Attached file: factura.pdf. Download it from the ticket.");
    expect(mail.es).toContain("No se guardó este archivo del correo: virus.exe (tipo no permitido). Puedes adjuntarlo desde el panel.");
    expect(mail.en).toContain("This file of your email was not kept: virus.exe (tipo no permitido). You can attach it from the panel.");
  });

  it("speak of several files in the plural, listed as the language lists them", async () => {
    const mail = await replyMail(["a.png", "b.log", "c.zip"]);
    expect(mail.es).toContain("3 archivos adjuntos: a.png, b.log y c.zip. Descárgalos desde el ticket.");
    expect(mail.en).toContain("3 attached files: a.png, b.log, and c.zip. Download them from the ticket.");
  });
});
