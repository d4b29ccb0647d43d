// The mail parser against the corpus of real-world-shaped mails (tests/fixtures/mail and the large
// generated ones): for each, what a person would expect — the text they wrote without the quoted
// history (which is kept apart), decoded subjects and charsets, the files with their names, why a
// machine-sent mail is never answered, what a bounce says did not arrive — and that none throws.
import { describe, expect, it } from "vitest";
import { parseMail } from "../../server/inbound/parse/parse-mail";
import type { ParsedMail } from "../../server/inbound/parse/parsed-mail";
import { CORPUS_TICKET, corpusFileNames, loadCorpus, readManifest, type CorpusMail } from "../support/mail-corpus";

const corpus = loadCorpus();

function checkExpectations(mail: CorpusMail, parsed: ParsedMail) {
  const e = mail.expect;
  if (e.from !== undefined) expect(parsed.from?.address ?? null).toBe(e.from);
  if (e.fromName !== undefined) expect(parsed.from?.name).toBe(e.fromName);
  if (e.subject !== undefined) expect(parsed.subject).toBe(e.subject);
  if (e.messageId !== undefined) expect(parsed.messageId).toBe(e.messageId);
  expect(parsed.messageId !== null).toBe(e.hasMessageId ?? true);
  if (e.inReplyTo !== undefined) expect(parsed.inReplyTo).toEqual(e.inReplyTo);
  if (e.references !== undefined) expect(parsed.references).toEqual(e.references);
  if (e.toIntake !== undefined) expect(parsed.recipients).toContain(e.toIntake);
  for (const address of e.recipientsInclude ?? []) expect(parsed.recipients).toContain(address);
  if (e.thread === "reply_token") expect(parsed.recipients).toContain(CORPUS_TICKET.replyAddress);
  if (e.thread === "references")
    expect([...parsed.inReplyTo, ...parsed.references].some((id) => (CORPUS_TICKET.sentMessageIds as readonly string[]).includes(id))).toBe(
      true,
    );
  if (e.thread === "subject_number") expect(parsed.subject).toContain(`[${CORPUS_TICKET.reference}]`);
  if (e.contentLanguage !== undefined) expect(parsed.contentLanguage).toBe(e.contentLanguage);

  expect(parsed.automatic).toBe(e.automatic ?? null);
  expect(parsed.autoReply).toBe(e.autoReply ?? false);

  for (const text of e.bodyIncludes ?? []) expect(parsed.body).toContain(text);
  for (const text of e.bodyExcludes ?? []) expect(parsed.body).not.toContain(text);
  if (e.bodyEmpty) expect(parsed.body).toBe("");
  for (const text of e.quotedIncludes ?? []) expect(parsed.quoted ?? "").toContain(text);
  if (e.quotedNull) expect(parsed.quoted).toBeNull();
  // The body is tidy whatever the client sent: LF only, no trailing spaces, at most one blank line.
  expect(parsed.body).not.toMatch(/\r|[ \t]\n|\n{3,}/);

  const files = e.files ?? [];
  expect(parsed.files.map((f) => f.name)).toEqual(files.map((f) => f.name));
  files.forEach((want, i) => {
    const got = parsed.files[i]!;
    expect(got.inline).toBe(want.inline ?? false);
    if (want.cid !== undefined) expect(got.cid).toBe(want.cid);
    if (want.size !== undefined) expect(got.content.length).toBe(want.size);
    if (want.minSize !== undefined) expect(got.content.length).toBeGreaterThanOrEqual(want.minSize);
  });

  if (!e.deliveryReport) expect(parsed.deliveryReport).toBeNull();
  else {
    const report = parsed.deliveryReport;
    expect(report?.originalMessageIds).toEqual(e.deliveryReport.originalMessageIds);
    if (e.deliveryReport.failedRecipients) expect(report?.failedRecipients).toEqual(e.deliveryReport.failedRecipients);
    if (e.deliveryReport.status !== undefined) expect(report?.status).toBe(e.deliveryReport.status);
    if (e.deliveryReport.diagnosticIncludes) expect(report?.diagnostic).toContain(e.deliveryReport.diagnosticIncludes);
  }

  if (e.problems) expect(parsed.problems.length).toBeGreaterThan(0);
  else expect(parsed.problems).toEqual([]);
}

describe("the mail corpus", () => {
  it("has at least 34 committed mails, each described in the manifest, and the generated large ones", () => {
    const listed = readManifest().map((entry) => entry.file);
    expect(listed.length).toBeGreaterThanOrEqual(34);
    expect([...listed].sort()).toEqual(corpusFileNames());
    expect(new Set(listed).size).toBe(listed.length);
    // Committed as on the wire: every line ends in CRLF.
    for (const mail of corpus.filter((m) => !m.generated)) expect(mail.raw.toString("latin1"), mail.name).not.toMatch(/[^\r]\n/);
    const big = corpus.find((m) => m.name === "generated:message-25mb")!;
    expect(big.raw.length).toBeGreaterThan(24 * 1024 * 1024);
  });
});

describe("parseMail on the corpus", () => {
  it.each(corpus.map((mail) => [mail.name, mail] as const))("%s", async (_name, mail) => {
    const parsed = await parseMail(mail.raw);
    checkExpectations(mail, parsed);
  });
});

describe("parseMail details", () => {
  const byName = (name: string) => corpus.find((m) => m.name === name)!.raw;

  it("decodes non-UTF-8 charsets in bodies and subjects (ñ ç é €, curly quotes)", async () => {
    const w1252 = await parseMail(byName("windows-1252-body.eml"));
    expect(w1252.body).toContain("49,90 €");
    expect(w1252.body).toContain("“tarifa plana”");
    expect(w1252.from).toEqual({ address: "inaki.ibanez@example.test", name: "Iñaki Ibáñez" });
    expect((await parseMail(byName("encoded-subject-windows-1252-b.eml"))).subject).toBe("Renovación del dominio – 15 € cobrados de más");
    expect((await parseMail(byName("portuguese-new-ticket-pt-br.eml"))).subject).toBe("Contratação do plano Empresa");
    expect((await parseMail(byName("french-new-ticket-fr.eml"))).body).toContain("C'est très urgent");
  });

  it("lists every recipient header, lower-case and once: To, Cc, Delivered-To, X-Original-To, Envelope-To", async () => {
    const raw = Buffer.from(
      [
        "From: Ana <ana@example.test>",
        'To: Soporte <Soporte@Demo.test>, "Ventas" <ventas@demo.test>',
        "Cc: equipo: uno@example.test, dos@example.test;",
        "Delivered-To: soporte@demo.test",
        "Delivered-To: <Buzon@Mesa.localhost>",
        "X-Original-To: facturacion@demo.test",
        "Envelope-To: administracion@demo.test",
        "Subject: hola",
        "",
        "hola",
        "",
      ].join("\r\n"),
    );
    const parsed = await parseMail(raw);
    expect(parsed.recipients).toEqual([
      "soporte@demo.test",
      "ventas@demo.test",
      "uno@example.test",
      "dos@example.test",
      "buzon@mesa.localhost",
      "facturacion@demo.test",
      "administracion@demo.test",
    ]);
  });

  it("keeps the Outlook block, the Gmail attribution and the '>' lines as the quoted text, not the body", async () => {
    const outlook = await parseMail(byName("outlook-reply-es.eml"));
    expect(outlook.body).toBe(
      "Buenos días:\n\nEl navegador sigue mostrando el aviso de certificado caducado, también desde el móvil.\n\nUn saludo,\nPaula Partner\nAcme Hosting",
    );
    expect(outlook.quoted?.startsWith("De: Mesa Soporte <no-reply@mesa.localhost>")).toBe(true);
    const gmail = await parseMail(byName("gmail-reply-es.eml"));
    expect(gmail.body).toBe("Sí, ya no aparece el aviso. ¡Gracias por la rapidez!\n\nPaula");
  });

  it("turns HTML-only mail into readable text: the words of links, list items, no markup", async () => {
    const parsed = await parseMail(byName("html-only-new-ticket.eml"));
    expect(parsed.body).toContain("* ¿El Plan Empresa incluye copias diarias?\n * ¿Puedo ampliar el espacio más adelante?");
    expect(parsed.body).toContain("Un saludo,\nMarta Gómez\nmarta.gomez@example.test");
  });

  it("never throws: garbage, an empty buffer, a header block over the limit, a header-only mail", async () => {
    const cases = [
      Buffer.alloc(0),
      Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10, 0x41]),
      Buffer.from(
        `From: a@example.test\r\nX-Big: ${"a".repeat(1_100_000)}\r\nSubject: grande\r\nMessage-ID: <big@example.test>\r\n\r\ncuerpo\r\n`,
      ),
      Buffer.from("From: a@example.test\r\nSubject: sin cuerpo"),
      Buffer.from("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: multipart/alternative; boundary=y\r\n\r\n--y\r\n"),
    ];
    for (const raw of cases) {
      const parsed = await parseMail(raw);
      expect(typeof parsed.body).toBe("string");
    }
    const big = await parseMail(cases[2]!);
    expect(big.problems.join(" ")).toMatch(/could not be read/);
    expect(big.subject).toBe("grande");
    expect(big.messageId).toBe("big@example.test");
    expect(big.body).toBe("cuerpo");
    expect((await parseMail(cases[3]!)).subject).toBe("sin cuerpo");
  });

  it("reads a long text (a 2 MB line that starts like an attribution) without stalling", async () => {
    const line = `El servidor ${"no responde y ".repeat(150_000)}`;
    const parsed = await parseMail(
      Buffer.from(`From: a@example.test\r\nSubject: largo\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${line}\r\n`),
    );
    expect(parsed.body.length).toBeGreaterThan(2_000_000);
    expect(parsed.quoted).toBeNull();
  });

  it("names nameless parts after their type and keeps the cid of inline images", async () => {
    const parsed = await parseMail(byName("inline-image-cid.eml"));
    expect(parsed.files.map((f) => [f.name, f.contentType, f.inline, f.cid])).toEqual([
      ["image-1.png", "image/png", true, "image001.png@01DB6351.A1B2C3D0"],
      ["firma.jpg", "image/jpeg", true, "firma.jpg@01DB6351.A1B2C3D0"],
    ]);
    expect(parsed.body).not.toContain("[cid:");
  });

  it("does not list a bounce's machine parts (delivery-status, returned headers or message) as files", async () => {
    for (const name of ["dsn-postfix-rfc822-headers.eml", "dsn-exchange-message-rfc822.eml"]) {
      const parsed = await parseMail(byName(name));
      expect(parsed.files).toEqual([]);
      expect(parsed.body).not.toContain("Reporting-MTA");
    }
  });
});
