// Files on tickets: uploads are checked by name and by content, limited per message, per hour and
// per organization; a refused file or a refused send loses nothing; files follow the ticket
// visibility rule (another organization, a guessed id, an internal note's file: not found).
import type { SignedIn } from "../support/factories";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { AppError } from "../../server/errors/app-error";
import { errorResponse } from "../../server/errors/http-response";
import { openAttachment } from "../../server/files/open-attachment";
import { discardUpload, removeStaleUploads } from "../../server/files/pending-uploads";
import { defaultAttachmentPolicy, saveAttachmentPolicy } from "../../server/files/policy";
import { receiveUpload, type UploadTarget } from "../../server/files/receive-upload";
import { formatError } from "../../server/trpc/error-format";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, signedIn, uniqueEmail } from "../support/factories";
import { upsertUser } from "../../server/seed/demo";
import { MiB, exeBytes, pdfBytes, pngBytes, streamOf, textBytes } from "../support/files";

let world: DemoWorld;
let db: Db;
const who: Record<string, SignedIn> = {};
let support: { id: number; categories: { id: number }[] };
let acmeId: string;

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  for (const [key, email] of Object.entries({
    partner: "partner@demo.test",
    globex: "partner2@demo.test",
    agent: "agent@demo.test",
    orgAdmin: "orgadmin@demo.test",
  }))
    who[key] = await world.login(email);
  support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
  acmeId = (await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } })).id;
});
afterAll(() => world?.close());
beforeEach(() => saveAttachmentPolicy(db, defaultAttachmentPolicy));

const upload = (user: string, name: string, bytes: Buffer, target: UploadTarget = { organizationId: acmeId }) =>
  receiveUpload(db, who[user]!, { name, size: bytes.length, target, body: streamOf(bytes) }, new Date());
const createTicket = (user: string, attachmentIds: string[], description = "Adjunto capturas del error 500.") =>
  callerFor(db, who[user]!, "es").tickets.create({
    type: "incident",
    departmentId: support.id,
    categoryId: support.categories[0]!.id,
    organizationId: acmeId,
    serviceIds: [],
    watcherIds: [],
    subject: "Error 500 al crear sitio",
    description,
    attachmentIds,
  });
const bytesOf = async (user: string, id: string) =>
  Buffer.from(await new Response((await openAttachment(db, who[user]!, id)).body).arrayBuffer());

async function refusal(promise: Promise<unknown>, locale: "es" | "en" = "es") {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(AppError);
  const response = errorResponse(error, locale);
  return { error: error as AppError, status: response.status, message: ((await response.json()) as { error: string }).error };
}

describe("uploads", () => {
  it("a ticket created with two files shows them on its first message, and the agent downloads the same bytes", async () => {
    const png = await upload("partner", "captura.png", pngBytes());
    const pdf = await upload("partner", "factura.pdf", pdfBytes());
    expect(png).toMatchObject({ name: "captura.png", fileType: "png", size: pngBytes().length });
    const created = await createTicket("partner", [png.id, pdf.id]);
    const ticket = await callerFor(db, who.agent!).tickets.get({ ticket: created.id });
    expect(ticket.messages[0]!.attachments.map((a) => a.name)).toEqual(["captura.png", "factura.pdf"]);
    expect(await bytesOf("agent", png.id)).toEqual(pngBytes());
    expect(await bytesOf("orgAdmin", pdf.id)).toEqual(pdfBytes());
    const file = await openAttachment(db, who.agent!, png.id);
    expect(file).toMatchObject({ contentType: "image/png", preview: true, pending: false });
    // The confirmation mail names the files (the files themselves stay behind the download route).
    const mail = await db.outboxMail.findFirstOrThrow({ where: { ticketId: created.id, toAddress: "partner@demo.test" } });
    expect(mail.text).toContain("2 archivos adjuntos: captura.png y factura.pdf. Descárgalos desde el ticket.");
  });

  it("a reply carries a third file; the agent's reply carries one too", async () => {
    const created = await createTicket("partner", []);
    const log = await upload("partner", "error.log", textBytes(2000), { ticket: created.reference });
    await callerFor(db, who.partner!).tickets.reply({ ticket: created.id, body: "Aquí el log", attachmentIds: [log.id] });
    const zipLike = await upload("agent", "parche.txt", textBytes(100, "fix\n"), { ticket: created.id });
    await callerFor(db, who.agent!).tickets.reply({ ticket: created.id, body: "Prueba este parche", attachmentIds: [zipLike.id] });
    const replyMail = await db.outboxMail.findFirstOrThrow({
      where: { ticketId: created.id, toAddress: "partner@demo.test", subject: { contains: "Nueva respuesta" } },
    });
    expect(replyMail.text).toContain("Archivo adjunto: parche.txt.");
    const ticket = await callerFor(db, who.partner!).tickets.get({ ticket: created.id });
    expect(ticket.messages.flatMap((m) => m.attachments.map((a) => a.name))).toEqual(["error.log", "parche.txt"]);
    expect(await bytesOf("partner", zipLike.id)).toEqual(textBytes(100, "fix\n"));
  });

  it("refuses an executable renamed to .png, naming the file and the rule, in the caller's language", async () => {
    const es = await refusal(upload("partner", "captura.png", exeBytes()));
    expect(es.error.messageKey).toBe("fileContentMismatch");
    expect(es.status).toBe(400);
    expect(es.message).toBe(
      "«captura.png»: su contenido no es un archivo .png. Solo se aceptan archivos cuyo contenido coincide con su extensión.",
    );
    const en = await refusal(upload("partner", "captura.png", exeBytes()), "en");
    expect(en.message).toContain("“captura.png”: its content is not a .png file");
    expect(await db.attachment.count({ where: { name: "captura.png", size: exeBytes().length } })).toBe(0);
  });

  it("refuses a name outside the allowed types before reading it, and text disguised as a PDF", async () => {
    const exe = await refusal(upload("partner", "setup.exe", exeBytes()));
    expect(exe.message).toBe(
      "«setup.exe»: ese tipo de archivo no está permitido. Tipos permitidos: .png, .jpg, .jpeg, .gif, .pdf, .txt, .log, .doc, .docx, .zip, .tar.gz, .tgz.",
    );
    expect((await refusal(upload("partner", "contrato.pdf", textBytes(500)))).error.messageKey).toBe("fileContentMismatch");
  });

  it("takes 19 MiB in one message and refuses 21 MiB, whether in one file or in two", async () => {
    const nineteen = await upload("partner", "volcado.log", textBytes(19 * MiB));
    expect(nineteen.size).toBe(19 * MiB);
    const ok = await createTicket("partner", [nineteen.id]);
    expect((await callerFor(db, who.agent!).tickets.get({ ticket: ok.id })).messages[0]!.attachments).toHaveLength(1);

    const one = await refusal(upload("partner", "grande.log", textBytes(21 * MiB)));
    expect(one.message).toBe("«grande.log» es demasiado grande: un mensaje admite como máximo 20 MB en total.");
    // Without a declared size the stream is cut as soon as it passes the limit.
    const undeclared = await failure(
      receiveUpload(
        db,
        who.partner!,
        { name: "sin-tamano.log", target: { organizationId: acmeId }, body: streamOf(textBytes(21 * MiB)) },
        new Date(),
      ),
    );
    expect((undeclared as AppError).messageKey).toBe("fileTooLarge");

    const a = await upload("partner", "parte-1.log", textBytes(10.5 * MiB));
    const b = await upload("partner", "parte-2.log", textBytes(10.5 * MiB));
    const before = await db.ticket.count();
    const both = await failure(createTicket("partner", [a.id, b.id], "Texto que no debe perderse"));
    expect(both).toBeInstanceOf(TRPCError);
    expect(formatError(both as TRPCError, "es").message).toBe("Los archivos de un mensaje no pueden sumar más de 20 MB en total.");
    expect(await db.ticket.count()).toBe(before);
    // Both uploads are still there to send with fewer files.
    const kept = await createTicket("partner", [a.id]);
    expect((await callerFor(db, who.partner!).tickets.get({ ticket: kept.id })).messages[0]!.attachments.map((x) => x.name)).toEqual([
      "parte-1.log",
    ]);
  });

  it("limits uploads per person per hour", async () => {
    await saveAttachmentPolicy(db, { ...defaultAttachmentPolicy, uploadsPerHour: 1 });
    const member = await upsertUser(db, { email: uniqueEmail("uploader"), name: "Uploader", organizationId: acmeId });
    who.fresh = await signedIn(db, member.id);
    const first = await upload("fresh", "uno.txt", textBytes(10));
    // Removing it does not give the upload back.
    await discardUpload(db, who.fresh, first.id);
    const limited = await refusal(upload("fresh", "dos.txt", textBytes(10)));
    expect(limited.status).toBe(429);
    expect(limited.message).toContain("máximo 1 por hora");
  });

  it("limits what an organization stores in all", async () => {
    const used = Number((await db.attachment.aggregate({ _sum: { size: true }, where: { organizationId: acmeId } }))._sum.size ?? 0);
    await saveAttachmentPolicy(db, { ...defaultAttachmentPolicy, orgQuotaBytes: used + 1000 });
    await upload("partner", "cabe.txt", textBytes(900));
    const full = await refusal(upload("partner", "no-cabe.txt", textBytes(900)));
    expect(full.error.messageKey).toBe("storageQuotaReached");
    // Another organization has its own space.
    const globexId = (await db.organization.findUniqueOrThrow({ where: { name: "Globex" } })).id;
    await expect(upload("globex", "globex.txt", textBytes(900), { organizationId: globexId })).resolves.toMatchObject({
      name: "globex.txt",
    });
  });

  it("files an upload made for no organization into the organization the ticket finally has", async () => {
    const loose = await upload("partner", "suelto.txt", textBytes(50), { organizationId: null });
    expect((await db.attachment.findUniqueOrThrow({ where: { id: loose.id } })).storageKey).toMatch(/^user-/);
    await createTicket("partner", [loose.id]);
    const row = await db.attachment.findUniqueOrThrow({ where: { id: loose.id } });
    expect(row).toMatchObject({ organizationId: acmeId });
    expect(row.storageKey.startsWith(`org-${acmeId}/`)).toBe(true);
    expect(await bytesOf("agent", loose.id)).toEqual(textBytes(50));
    const folder = await readdir(path.join(process.env.DATA_DIR!, "files", `org-${acmeId}`));
    expect(folder).toContain(row.storageKey.split("/")[1]);
  });

  it("refuses uploading for another organization or a ticket one cannot see", async () => {
    expect((await refusal(upload("globex", "x.txt", textBytes(5), { organizationId: acmeId }))).status).toBe(403);
    const acmeTicket = await createTicket("partner", []);
    expect((await refusal(upload("globex", "x.txt", textBytes(5), { ticket: acmeTicket.reference }))).status).toBe(404);
  });

  it("does not let anyone send another person's upload, or the same upload twice", async () => {
    const mine = await upload("partner", "mio.txt", textBytes(5));
    await expect(createTicket("orgAdmin", [mine.id])).rejects.toThrow("attachmentNotFound");
    await createTicket("partner", [mine.id]);
    await expect(createTicket("partner", [mine.id])).rejects.toThrow("attachmentNotFound");
  });
});

describe("who may download", () => {
  it("another organization, a signed-in stranger to the ticket or a guessed id get not found", async () => {
    const file = await upload("partner", "privado.png", pngBytes());
    await createTicket("partner", [file.id]);
    for (const id of [file.id, "00000000-0000-4000-8000-000000000000", "../secrets.json"]) {
      const answer = await refusal(openAttachment(db, who.globex!, id));
      expect(answer.status).toBe(404);
    }
  });

  it("a pending upload is its uploader's alone, and removing it deletes the bytes", async () => {
    const pending = await upload("partner", "borrador.txt", textBytes(20));
    expect((await refusal(openAttachment(db, who.agent!, pending.id))).status).toBe(404);
    expect(await bytesOf("partner", pending.id)).toEqual(textBytes(20));
    const key = (await db.attachment.findUniqueOrThrow({ where: { id: pending.id } })).storageKey;
    await discardUpload(db, who.partner!, pending.id);
    expect((await refusal(openAttachment(db, who.partner!, pending.id))).status).toBe(404);
    await expect(createTicket("partner", [pending.id])).rejects.toThrow("attachmentNotFound");
    const folder = await readdir(path.join(process.env.DATA_DIR!, "files", key.split("/")[0]!));
    expect(folder).not.toContain(key.split("/")[1]);
  });

  it("files of an internal note are for support staff only", async () => {
    const created = await createTicket("partner", []);
    const note = await upload("agent", "diagnostico.txt", textBytes(30), { ticket: created.id });
    await callerFor(db, who.agent!).tickets.reply({
      ticket: created.id,
      body: "Nota interna con diagnóstico",
      internal: true,
      attachmentIds: [note.id],
    });
    expect((await refusal(openAttachment(db, who.partner!, note.id))).status).toBe(404);
    const partnerView = await callerFor(db, who.partner!).tickets.get({ ticket: created.id });
    expect(partnerView.messages.flatMap((m) => m.attachments)).toEqual([]);
    expect(await bytesOf("agent", note.id)).toEqual(textBytes(30));
  });

  it("uploads nobody sent within a day are removed by the tick's housekeeping", async () => {
    const pending = await upload("partner", "olvidado.txt", textBytes(10));
    await db.attachment.update({ where: { id: pending.id }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    await removeStaleUploads(db, new Date());
    expect(await db.attachment.findUnique({ where: { id: pending.id } })).toBeNull();
  });
});
