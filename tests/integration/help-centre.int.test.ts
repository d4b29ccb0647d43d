// Issue #17: Admin > Knowledge base and the public help centre, through the procedures the pages call.
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import type { AppLocale } from "../../server/i18n/locales";
import { seedDemo } from "../../server/seed/demo";
import { demoArticles } from "../../server/seed/kb-articles";
import type { HelpVoterCookie } from "../../server/trpc/context";
import { formatError } from "../../server/trpc/error-format";
import { createCaller } from "../../server/trpc/router";
import { openDemoWorld, type DemoWorld } from "../support/demo-world";
import { callerFor, failure, type SignedIn } from "../support/factories";
import { message } from "../support/messages";

let world: DemoWorld;
let db: Db;
let admin: SignedIn;
let partner: SignedIn;
let agent: SignedIn;

beforeAll(async () => {
  world = await openDemoWorld();
  ({ db } = world);
  admin = await world.login("admin@demo.test");
  partner = await world.login("partner@demo.test");
  agent = await world.login("agent@demo.test");
});
afterAll(() => world?.close());

/** A signed-out reader whose browser keeps the voter cookie in `jar`. */
function anonymous(jar: { id: string | null }, locale: AppLocale = "es") {
  const helpVoter: HelpVoterCookie = {
    get id() {
      return jar.id;
    },
    issue() {
      jar.id = `voter-${Math.random().toString(36).slice(2)}-${Date.now()}`;
      return jar.id;
    },
  };
  return createCaller(() => ({ db, user: null, locale, now: new Date(), helpVoter }));
}

const titles = (hits: { title: string }[]) => hits.map((h) => h.title);
const codeOf = (error: unknown) => (error as TRPCError).code;

describe("Admin > Knowledge base", () => {
  it("creates and renames a category with its four names; the default language's name is required and unique", async () => {
    const kb = callerFor(db, admin, "es").admin.knowledgeBase;
    const missing = await failure(kb.createCategory({ names: { en: "Billing" } }));
    expect(formatError(missing as TRPCError, "es").fieldErrors).toEqual({ "names.es": message("es", "Validation.required") });

    const created = await kb.createCategory({ names: { es: "Facturación y pagos", en: "Billing", pt: "Faturamento", fr: "Facturation" } });
    const listed = (await callerFor(db, admin, "fr").admin.knowledgeBase.categories()).find((c) => c.id === created.id);
    expect(listed).toMatchObject({
      name: "Facturation",
      names: { es: "Facturación y pagos", en: "Billing", pt: "Faturamento", fr: "Facturation" },
    });

    const taken = await failure(kb.createCategory({ names: { es: "facturación y pagos" } }));
    expect(formatError(taken as TRPCError, "es").message).toBe(
      message("es", "Errors.kbCategoryNameTaken").replace("{name}", "facturación y pagos"),
    );

    await kb.updateCategory({ id: created.id, names: { es: "Facturas", en: "Invoices", pt: "", fr: "" } });
    const renamed = (await callerFor(db, admin, "pt").admin.knowledgeBase.categories()).find((c) => c.id === created.id);
    // Portuguese has no name any more: its readers see the default language's.
    expect(renamed).toMatchObject({ name: "Facturas", names: { es: "Facturas", en: "Invoices", pt: "", fr: "" } });
  });

  it("a draft is found by neither the help search nor the suggestions; once published, by both, re-indexed on every edit", async () => {
    const kb = callerFor(db, admin, "es").admin.knowledgeBase;
    const category = (await kb.categories()).find((c) => c.slug === "correo")!;
    const draft = await kb.createArticle({
      locale: "es",
      title: "Límites de envío del correo",
      body: "## Cuántos mensajes\n\nCada buzón puede enviar 300 mensajes por hora. Los **remitentes masivos** necesitan un plan dedicado.",
      categoryId: category.id,
      departmentId: null,
      published: false,
    });
    const reader = anonymous({ id: null });
    expect(titles(await reader.help.search({ text: "remitentes masivos" }))).not.toContain("Límites de envío del correo");
    expect(titles(await callerFor(db, partner, "es").kb.suggest({ text: "límites de envío" }))).not.toContain(
      "Límites de envío del correo",
    );
    expect(codeOf(await failure(reader.help.article({ id: draft.id })))).toBe("NOT_FOUND");
    expect((await kb.articles({ status: "draft" })).map((a) => a.id)).toContain(draft.id);
    expect((await kb.articles({ status: "published" })).map((a) => a.id)).not.toContain(draft.id);

    await kb.updateArticle({
      ...draft,
      title: "Límites de envío del correo",
      body: `${draft.body}\n\nPasado el límite, los envíos esperan en cola.`,
      published: true,
    });
    expect(titles(await reader.help.search({ text: "remitente" }))[0]).toBe("Límites de envío del correo");
    expect(titles(await reader.help.search({ text: "colas" }))).toContain("Límites de envío del correo"); // the edit's new word
    expect(titles(await callerFor(db, partner, "es").kb.suggest({ text: "límites de envío" }))).toContain("Límites de envío del correo");
    expect(await kb.articles({ text: "remitentes", locale: "es", category: category.id })).toMatchObject([
      { id: draft.id, published: true, categoryName: "Correo" },
    ]);
    const page = await reader.help.article({ id: draft.id });
    expect(page).toMatchObject({ title: "Límites de envío del correo", category: { name: "Correo" } });
    // The demo's other Spanish mail articles are its related ones.
    expect(titles(page.related)).toEqual(expect.arrayContaining(["Cómo configurar tu cuenta de correo en Outlook"]));

    await kb.deleteArticle({ id: draft.id });
    expect(titles(await reader.help.search({ text: "remitentes" }))).toEqual([]);
  });

  it("an article's category must exist and not be archived; a category in use is archived, not deleted", async () => {
    const kb = callerFor(db, admin, "es").admin.knowledgeBase;
    const unknown = await failure(
      kb.createArticle({ locale: "en", title: "x", body: "y", categoryId: 999_999, departmentId: null, published: false }),
    );
    expect(formatError(unknown as TRPCError, "es").message).toBe(message("es", "Errors.kbCategoryNotFound"));
    const dns = (await kb.categories()).find((c) => c.slug === "dominios-y-dns")!;
    expect(dns.articleCount).toBeGreaterThan(0);
    const inUse = await failure(kb.deleteCategory({ id: dns.id }));
    expect(formatError(inUse as TRPCError, "en").message).toBe(message("en", "Errors.kbCategoryInUse"));
    await kb.archiveCategory({ id: dns.id, archived: true });
    const refused = await failure(
      kb.createArticle({ locale: "en", title: "x", body: "y", categoryId: dns.id, departmentId: null, published: false }),
    );
    expect(formatError(refused as TRPCError, "pt").message).toBe(message("pt", "Errors.kbCategoryArchived"));
    // The help centre no longer shows the archived heading: its articles are listed with the others.
    const home = await anonymous({ id: null }, "en").help.home();
    expect(home.map((g) => g.name)).not.toContain("Domains and DNS");
    expect(home.find((g) => g.id === null)?.articles.map((a) => a.title)).toContain("Point a domain to your hosting (DNS)");
    await kb.archiveCategory({ id: dns.id, archived: false });
    expect((await anonymous({ id: null }, "en").help.home()).map((g) => g.name)).toContain("Domains and DNS");
    const empty = await kb.createCategory({ names: { es: "Temporal" } });
    await kb.deleteCategory({ id: empty.id });
    expect((await kb.categories()).map((c) => c.id)).not.toContain(empty.id);
  });

  it("is for admins only", async () => {
    expect(codeOf(await failure(callerFor(db, agent).admin.knowledgeBase.articles({})))).toBe("FORBIDDEN");
    expect(codeOf(await failure(callerFor(db, null).admin.knowledgeBase.createCategory({ names: { es: "x" } })))).toBe("UNAUTHORIZED");
  });
});

describe("help centre", () => {
  // A word of each language's body (not of its title) in another form than the text's: the
  // language's stemmer makes them one.
  it.each([
    ["es", "puertos", "Cómo configurar tu cuenta de correo en Outlook"], // body: "puerto **993**"
    ["en", "folders", "Reset your panel password"], // body: "your spam folder"
    ["pt", "pastas", "Redefinir a senha do painel"], // body: "a pasta de spam"
    ["fr", "délais", "Faire pointer un domaine vers votre hébergement (DNS)"], // body: "après ce délai"
  ] as const)("finds a published %s article by a word of its body (%s)", async (locale, word, title) => {
    const hits = await anonymous({ id: null }, locale).help.search({ text: word });
    expect(titles(hits)).toContain(title);
    expect(hits.find((h) => h.title === title)?.excerpt).not.toMatch(/[#*`]/); // plain text, no Markdown marks
  });

  it("groups the reader's language's articles by category, named in that language", async () => {
    const home = await anonymous({ id: null }, "fr").help.home();
    expect(home.map((g) => g.name)).toEqual(["Compte et accès", "Domaines et DNS", "Messagerie"]);
    expect(home.flatMap((g) => g.articles.map((a) => a.title)).sort()).toEqual(demoArticles.fr.map((a) => a.title).sort());
  });

  it("counts one vote per reader and article, which the reader may change", async () => {
    const article = (await anonymous({ id: null }).help.search({ text: "contraseña panel" }))[0]!;
    const counts = async () =>
      (await callerFor(db, admin).admin.knowledgeBase.articles({ locale: "es" })).find((a) => a.id === article.id)!;
    const before = await counts();

    const browser = { id: null as string | null };
    expect(await anonymous(browser).help.vote({ articleId: article.id, helpful: true })).toEqual({ helpful: true });
    expect(browser.id).toBeTruthy(); // the first vote gave the browser its cookie
    await anonymous(browser).help.vote({ articleId: article.id, helpful: true });
    expect(await counts()).toMatchObject({ helpful: before.helpful + 1, notHelpful: before.notHelpful });
    await anonymous(browser).help.vote({ articleId: article.id, helpful: false }); // changed
    expect(await counts()).toMatchObject({ helpful: before.helpful, notHelpful: before.notHelpful + 1 });
    expect((await anonymous(browser).help.article({ id: article.id })).myVote).toBe(false);
    expect((await anonymous({ id: null }).help.article({ id: article.id })).myVote).toBeNull();

    // A signed-in reader votes as themselves, on any browser.
    await callerFor(db, partner, "es").help.vote({ articleId: article.id, helpful: true });
    await callerFor(db, partner, "es").help.vote({ articleId: article.id, helpful: true });
    expect(await counts()).toMatchObject({ helpful: before.helpful + 1, notHelpful: before.notHelpful + 1 });
    expect((await callerFor(db, partner, "es").help.article({ id: article.id })).myVote).toBe(true);

    const bad = await failure(anonymous(browser).help.vote({ articleId: article.id, helpful: "yes" as unknown as boolean }));
    expect(formatError(bad as TRPCError, "es").fieldErrors).toEqual({ helpful: message("es", "Validation.invalid") });
    expect(codeOf(await failure(anonymous(browser).help.vote({ articleId: 999_999, helpful: true })))).toBe("NOT_FOUND");
  });

  it("asks for a sign-in first when the security policy says so", async () => {
    const policy = callerFor(db, admin).admin.security;
    expect(await policy.setPolicy({ helpRequiresSignIn: true })).toMatchObject({ helpRequiresSignIn: true, ticketCaptcha: false });
    try {
      const reader = anonymous({ id: null });
      for (const call of [reader.help.access(), reader.help.home(), reader.help.search({ text: "correo" })]) {
        expect(codeOf(await failure(call))).toBe("UNAUTHORIZED");
      }
      const id = (await callerFor(db, partner, "es").help.search({ text: "correo outlook" }))[0]!.id;
      expect(codeOf(await failure(reader.help.article({ id })))).toBe("UNAUTHORIZED");
      expect(codeOf(await failure(reader.help.vote({ articleId: id, helpful: true })))).toBe("UNAUTHORIZED");
      expect(await callerFor(db, partner, "es").help.access()).toEqual({ open: true });
    } finally {
      await policy.setPolicy({ helpRequiresSignIn: false });
    }
    expect(await anonymous({ id: null }).help.access()).toEqual({ open: true });
  });
});

describe("a ticket created from an article", () => {
  async function ticketInput(sourceArticleId: number | null) {
    const support = await db.department.findUniqueOrThrow({ where: { slug: "soporte-tecnico" }, include: { categories: true } });
    const acme = await db.organization.findUniqueOrThrow({ where: { name: "Acme Hosting" } });
    return {
      type: "incident" as const,
      departmentId: support.id,
      categoryId: support.categories[0]!.id,
      organizationId: acme.id,
      subject: "Outlook no envía",
      description: "Seguí el artículo y sigue sin enviar.",
      sourceArticleId,
    };
  }

  it("records the article, which requester and staff see; a draft or unknown article is refused in the caller's language", async () => {
    const article = (await callerFor(db, partner, "es").help.search({ text: "outlook" }))[0]!;
    const ticket = await callerFor(db, partner, "es").tickets.create(await ticketInput(article.id));
    const expected = { id: article.id, title: "Cómo configurar tu cuenta de correo en Outlook", published: true };
    expect(await callerFor(db, partner).tickets.sourceArticle({ ticket: ticket.reference })).toEqual(expected);
    expect(await callerFor(db, agent).tickets.sourceArticle({ ticket: ticket.reference })).toEqual(expected);
    const plain = await callerFor(db, partner, "es").tickets.create(await ticketInput(null));
    expect(await callerFor(db, partner).tickets.sourceArticle({ ticket: plain.reference })).toBeNull();

    const draft = await callerFor(db, admin).admin.knowledgeBase.createArticle({
      locale: "es",
      title: "Borrador interno",
      body: "Aún no.",
      categoryId: null,
      departmentId: null,
      published: false,
    });
    const count = await db.ticket.count();
    for (const id of [draft.id, 999_999]) {
      const refused = await failure(callerFor(db, partner, "es").tickets.create(await ticketInput(id)));
      expect(codeOf(refused)).toBe("BAD_REQUEST");
      expect(formatError(refused as TRPCError, "es").message).toBe(message("es", "Errors.kbArticleUnavailable"));
    }
    expect(await db.ticket.count()).toBe(count);
    const invalid = await failure(callerFor(db, partner, "es").tickets.create({ ...(await ticketInput(null)), sourceArticleId: -1 }));
    expect(formatError(invalid as TRPCError, "es").fieldErrors).toEqual({ sourceArticleId: message("es", "Validation.invalid") });
  });
});

describe("demo help centre", () => {
  it("seeding again changes nothing", async () => {
    const snapshot = async () => ({
      categories: await db.kbCategory.findMany({ orderBy: { id: "asc" } }),
      articles: await db.kbArticle.findMany({
        orderBy: { id: "asc" },
        select: { id: true, title: true, body: true, categoryId: true, updatedAt: true },
      }),
    });
    const before = await snapshot();
    await seedDemo(db);
    expect(await snapshot()).toEqual(before);
    expect(before.categories.map((c) => [c.slug, c.name])).toEqual(
      expect.arrayContaining([
        ["correo", "Correo"],
        ["cuenta-y-acceso", "Cuenta y acceso"],
        ["dominios-y-dns", "Dominios y DNS"],
      ]),
    );
  });
});
