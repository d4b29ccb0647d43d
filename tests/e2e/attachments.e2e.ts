// Files on tickets in Chromium: a partner opens a ticket with two files (each with its progress
// bar) and replies with a third; the agent sees and downloads all three; a partner of another
// organization gets 404 for the same addresses. A renamed executable is refused in the partner's
// language while the typed text stays; 21 MB in one message is refused, 19 MB passes. Sensitive
// information is sealed for the partner, revealed by the agent (recorded), erased on close.
import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/accounts";
import { msg } from "./support/messages";
import { expect, signIn, test, watchRealtime } from "./support/test";
import { MiB, exeBytes, pdfBytes, pngBytes, textBytes } from "../support/files";

const m = (key: string, values?: Record<string, string>) => msg("es", key, values);

async function fillNewTicket(page: Page, subject: string, description: string) {
  await page.getByLabel(m("TicketForm.type")).selectOption("incident");
  await page.getByLabel(m("TicketForm.department")).selectOption({ label: "Soporte Técnico" });
  await page.getByLabel(m("TicketForm.category")).selectOption({ label: "General" });
  await page.getByLabel(m("TicketForm.subject")).fill(subject);
  await page.getByLabel(m("TicketForm.description")).fill(description);
}

const item = (page: Page, name: string) => page.getByTestId("upload-item").filter({ hasText: name });

async function expectUploaded(page: Page, name: string) {
  await expect(item(page, name)).toHaveAttribute("data-status", "done");
  await expect(item(page, name).getByRole("progressbar", { name: m("Attachments.progress", { name }) })).toHaveAttribute("value", "100");
  await expect(item(page, name)).toContainText(m("Attachments.uploaded"));
}

test("two files on a new ticket and a third on a reply reach the agent; another organization gets 404", async ({ browser }, testInfo) => {
  const files = {
    png: testInfo.outputPath("captura-error.png"),
    log: testInfo.outputPath("servidor.log"),
    pdf: testInfo.outputPath("factura-marzo.pdf"),
  };
  writeFileSync(files.png, pngBytes());
  writeFileSync(files.log, textBytes(6 * MiB, "GET /panel 500\n"));
  writeFileSync(files.pdf, pdfBytes());

  const partner = await (await browser.newContext()).newPage();
  await signIn(partner, { email: "partner@demo.test", password: DEMO_PASSWORD }, "/es/tickets/new");
  await fillNewTicket(partner, `Adjuntos ${Date.now().toString(36)}`, "Adjunto captura y log del error 500.");
  // Each file gets its own progress bar as soon as it is chosen.
  const progressSeen = partner.waitForSelector('[data-testid="upload-item"] progress');
  await partner.getByTestId("file-input").first().setInputFiles([files.png, files.log]);
  await progressSeen;
  await expectUploaded(partner, "captura-error.png");
  await expectUploaded(partner, "servidor.log");
  await partner.getByRole("button", { name: m("TicketForm.submit"), exact: true }).click();
  await expect(partner).toHaveURL(/\/es\/tickets\/TK-\d{6}$/);
  const reference = partner.url().split("/").pop()!;

  const thread = partner.getByTestId("thread-message");
  await expect(thread.first().getByTestId("attachment")).toHaveCount(2);
  await partner.getByLabel(m("TicketView.replyLabel")).fill("Y la factura del mes.");
  await partner.getByTestId("file-input").setInputFiles(files.pdf);
  await expectUploaded(partner, "factura-marzo.pdf");
  await partner.getByRole("button", { name: m("TicketView.send") }).click();
  await expect(partner.getByText("Y la factura del mes.")).toBeVisible();
  await expect(partner.getByTestId("ticket-files").getByTestId("attachment")).toHaveCount(3);
  // Sent files are forgotten by the forms' drafts: the next form starts empty.
  expect(await partner.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(":files")))).toEqual([]);

  // The agent sees the three and downloads each, byte for byte.
  const agent = await (await browser.newContext()).newPage();
  await signIn(agent, { email: "agent@demo.test", password: DEMO_PASSWORD }, `/es/agent/tickets/${reference}`);
  const list = agent.getByTestId("ticket-files");
  await expect(list.getByRole("heading")).toHaveText(m("Attachments.title", { count: "3" }));
  for (const [name, path] of [
    ["captura-error.png", files.png],
    ["servidor.log", files.log],
    ["factura-marzo.pdf", files.pdf],
  ] as const) {
    await expect(list.getByText(name)).toBeVisible();
    const download = agent.waitForEvent("download");
    await list.getByRole("link", { name: m("Attachments.download", { name }) }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(name);
    expect(await readFile((await file.path())!)).toEqual(await readFile(path));
  }
  const hrefs = await list.getByRole("link").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
  expect(hrefs).toHaveLength(3);

  // Served as downloads with a type Mesa chose, never sniffed or rendered.
  const served = await agent.request.get(hrefs[0]!);
  expect(served.status()).toBe(200);
  expect(served.headers()).toMatchObject({
    "content-type": "image/png",
    "x-content-type-options": "nosniff",
    "content-disposition": expect.stringMatching(/^attachment; filename="captura-error\.png"/),
  });
  expect(served.headers()["content-security-policy"]).toContain("sandbox");

  // A Globex partner, and someone signed out, get 404 for every one of them.
  const globex = await (await browser.newContext()).newPage();
  await signIn(globex, { email: "partner2@demo.test", password: DEMO_PASSWORD }, "/es/tickets");
  const stranger = await browser.newContext();
  for (const href of hrefs) {
    expect((await globex.request.get(href)).status()).toBe(404);
    expect((await stranger.request.get(href)).status()).toBe(404);
  }
});

test("a renamed executable is refused in Spanish and the text stays; 21 MB is refused, 19 MB passes", async ({ page }, testInfo) => {
  const files = {
    exe: testInfo.outputPath("foto.png"),
    eleven: testInfo.outputPath("volcado-11.log"),
    ten: testInfo.outputPath("volcado-10.log"),
    eight: testInfo.outputPath("volcado-8.log"),
    big: testInfo.outputPath("enorme.log"),
  };
  writeFileSync(files.exe, exeBytes());
  writeFileSync(files.eleven, textBytes(11 * MiB));
  writeFileSync(files.ten, textBytes(10 * MiB));
  writeFileSync(files.eight, textBytes(8 * MiB));
  writeFileSync(files.big, textBytes(21 * MiB));

  await signIn(page, { email: "partner@demo.test", password: DEMO_PASSWORD }, "/es/tickets/new");
  const subject = `Tamaños ${Date.now().toString(36)}`;
  await fillNewTicket(page, subject, "Texto largo que no se debe perder.");
  const picker = page.getByTestId("file-input");

  // The executable's bytes betray it: the server refuses it, naming the file and the rule.
  await picker.setInputFiles(files.exe);
  await expect(item(page, "foto.png").getByRole("alert")).toHaveText(m("Errors.fileContentMismatch", { name: "foto.png", type: ".png" }));
  await expect(page.getByLabel(m("TicketForm.description"))).toHaveValue("Texto largo que no se debe perder.");
  await item(page, "foto.png")
    .getByRole("button", { name: m("Attachments.remove", { name: "foto.png" }) })
    .click();

  // One file of 21 MB: refused before it is sent, and by the server when sent anyway.
  await picker.setInputFiles(files.big);
  await expect(item(page, "enorme.log").getByRole("alert")).toContainText("«enorme.log» no cabe");
  const direct = await page.request.post("/api/attachments?name=enorme.log&organizationId=", {
    data: textBytes(21 * MiB),
    headers: { "content-type": "application/octet-stream", "x-mesa-locale": "es" },
  });
  expect(direct.status()).toBe(400);
  expect(((await direct.json()) as { error: string }).error).toBe(m("Errors.fileTooLarge", { name: "enorme.log", max: "20" }));
  await item(page, "enorme.log").getByRole("button").click();

  // 11 + 10 MB = 21 MB: the second does not fit; 11 + 8 = 19 MB passes.
  await picker.setInputFiles(files.eleven);
  await expectUploaded(page, "volcado-11.log");
  await picker.setInputFiles(files.ten);
  await expect(item(page, "volcado-10.log").getByRole("alert")).toContainText("«volcado-10.log» no cabe");
  await expect(item(page, "volcado-10.log")).toContainText("20 MB");
  await item(page, "volcado-10.log").getByRole("button").click();
  await picker.setInputFiles(files.eight);
  await expectUploaded(page, "volcado-8.log");
  // A reload keeps the text (the draft) and the uploaded files.
  await page.reload();
  await expect(page.getByLabel(m("TicketForm.description"))).toHaveValue("Texto largo que no se debe perder.");
  await expectUploaded(page, "volcado-11.log");
  await expectUploaded(page, "volcado-8.log");
  await expect(page.getByTestId("upload-item")).toHaveCount(2);
  // Dropped onto the zone instead of picked: the same checks and upload.
  const dropped = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(["pasos para reproducir\n"], "pasos.txt", { type: "text/plain" }));
    return transfer;
  });
  await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer: dropped });
  await expectUploaded(page, "pasos.txt");
  // A screenshot pasted into the description becomes an upload; the text is untouched.
  await page.getByLabel(m("TicketForm.description")).evaluate(
    (box, bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], "pegado.png", { type: "image/png" }));
      box.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    [...pngBytes()],
  );
  await expectUploaded(page, "pegado.png");
  await expect(page.getByLabel(m("TicketForm.description"))).toHaveValue("Texto largo que no se debe perder.");
  await page.getByRole("button", { name: m("TicketForm.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\/es\/tickets\/TK-\d{6}$/);
  await expect(page.getByRole("heading", { name: subject })).toBeVisible();
  await expect(page.getByTestId("ticket-files").getByTestId("attachment")).toHaveCount(4);
});

test("sensitive information: sealed for the partner, revealed by the agent with a note in the history, erased on close", async ({
  browser,
}) => {
  const partner = await (await browser.newContext()).newPage();
  await signIn(partner, { email: "partner@demo.test", password: DEMO_PASSWORD }, "/es/tickets/new");
  await fillNewTicket(partner, `Credenciales ${Date.now().toString(36)}`, "Os dejo el acceso en el cuadro cifrado.");
  await partner.getByLabel(m("Sensitive.label")).fill("ftp: acme / Pimiento-Rojo-93");
  await partner.getByRole("button", { name: m("TicketForm.submit"), exact: true }).click();
  await expect(partner).toHaveURL(/\/es\/tickets\/TK-\d{6}$/);
  const reference = partner.url().split("/").pop()!;
  // A fresh load, watched, so the test knows when this page's socket has joined its rooms.
  const partnerLive = watchRealtime(partner);
  await partner.reload();
  await expect(partner.getByTestId("sensitive-box")).toContainText(m("Sensitive.customerNote"));
  await expect(partner.getByText("Pimiento-Rojo-93")).toHaveCount(0);
  await expect(partner.getByTestId("sensitive-box").getByRole("button")).toHaveCount(0);

  const agent = await (await browser.newContext()).newPage();
  // Both pages hear of changes over their sockets: act only once both are connected.
  const agentLive = watchRealtime(agent);
  await signIn(agent, { email: "agent@demo.test", password: DEMO_PASSWORD }, `/es/agent/tickets/${reference}`);
  await expect.poll(agentLive.connected).toBe(true);
  await expect.poll(partnerLive.connected).toBe(true);
  await expect(agent.getByText("Pimiento-Rojo-93")).toHaveCount(0);
  await agent
    .getByTestId("sensitive-box")
    .getByRole("button", { name: m("Sensitive.reveal") })
    .click();
  await expect(agent.getByTestId("sensitive-text")).toHaveText("ftp: acme / Pimiento-Rojo-93");
  await expect(agent.getByText(m("Events.sensitive_revealed", { actor: "Álex Agente" }))).toBeVisible();
  await expect(partner.getByText(m("Events.sensitive_revealed", { actor: "Álex Agente" }))).toHaveCount(0);

  await agent.getByLabel(m("Staff.status")).selectOption("closed");
  await expect(agent.getByText(m("Events.sensitive_erased"))).toBeVisible();
  await expect(agent.getByTestId("sensitive-box")).toHaveCount(0);
  await expect(partner.getByText(m("Events.sensitive_erased"))).toBeVisible();

  // Reopened, the ticket asks for the information again (seed 002).
  await partner.getByRole("button", { name: m("TicketView.reopen") }).click();
  await expect(partner.getByTestId("sensitive-ask-again")).toHaveText(m("Sensitive.askAgain"));
  await partner.getByLabel(m("Sensitive.label")).fill("ftp: acme / Nueva-Clave-7");
  await partner.getByLabel(m("TicketView.replyLabel")).fill("Reabro: vuelve a fallar. Nueva clave en el cuadro.");
  await partner.getByRole("button", { name: m("TicketView.send") }).click();
  await expect(partner.getByText("Reabro: vuelve a fallar.")).toBeVisible();
  await expect(partner.getByTestId("sensitive-box")).toHaveCount(1);
  await expect(partner.getByTestId("sensitive-ask-again")).toHaveCount(0);
});

test("admin screens: an invalid attachment limit is refused with what was typed kept; staff show who may see sensitive information", async ({
  page,
}) => {
  await signIn(page, { email: "admin@demo.test", password: DEMO_PASSWORD }, "/es/admin/attachments");
  await expect(page.getByRole("heading", { name: m("Admin.nav.attachments"), level: 1 })).toBeVisible();
  const perMessage = page.getByLabel(m("Admin.attachments.maxMessageMb"));
  await expect(perMessage).toHaveValue("20");
  await perMessage.fill("0");
  await page.getByRole("button", { name: m("Admin.attachments.save") }).click();
  await expect(page.getByText(m("Validation.invalid"))).toBeVisible();
  await expect(perMessage).toHaveValue("0");
  await page.reload();
  await expect(page.getByLabel(m("Admin.attachments.maxMessageMb"))).toHaveValue("20");

  await page.goto("/es/admin/staff");
  await expect(page.getByLabel(m("Admin.staff.viewSensitiveFor", { name: "Álex Agente" }))).toBeChecked();
  await expect(page.getByLabel(m("Admin.staff.viewSensitiveFor", { name: "Ada Admin" }))).toBeDisabled();
});
