// Running the desk from the admin screens, in Spanish, with nothing seeded and no restart: the admin
// creates a department with two categories and an agent, and an organization with a service and a
// member; the member opens a ticket there, picking the service; the agent, whose queue was open all
// along, sees it arrive. Axe, light and dark, on the screens in the states this journey leaves them
// (axe-every-page covers the plain lists).
import { DEMO_PASSWORD } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { msg } from "./support/messages";
import { expect, signIn, test, watchRealtime } from "./support/test";

const m = (key: string, values?: Record<string, string>) => msg("es", key, values);

test("an admin sets up a department and an organization; its member's ticket reaches the agent's queue live", async ({
  browser,
  account: member,
}) => {
  test.setTimeout(120_000); // three people, ten pages and axe in two themes on two of them
  const word = Date.now().toString(36);
  const department = { es: `Redes ${word}`, en: `Networks ${word}` };
  const organization = `Cliente ${word}`;
  const service = `Web ${word}`;

  // The agent's queue is open before the department exists.
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  const agentLive = watchRealtime(agent);
  await signIn(agent, { email: "agent@demo.test", password: DEMO_PASSWORD }, "/es/agent");
  await expect.poll(agentLive.connected, { message: "the agent's Socket.IO connection" }).toBe(true);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, { email: "admin@demo.test", password: DEMO_PASSWORD }, "/es/admin");
  await admin
    .getByRole("link", { name: m("Admin.nav.departments") })
    .first()
    .click();
  await expect(admin).toHaveTitle(`${m("Admin.nav.departments")} — Mesa`);

  // A department named in two languages, with the demo agent.
  const form = admin.getByRole("form", { name: m("Admin.departments.createTitle") });
  const names = form.getByRole("group", { name: m("Admin.departments.names") });
  await names.getByLabel(`${m("Locales.es")} (${m("Admin.names.required")})`).fill(department.es);
  await names.getByLabel(m("Locales.en"), { exact: true }).fill(department.en);
  await form
    .getByRole("group", { name: m("Admin.departments.agents") })
    .getByRole("checkbox", { name: "Álex Agente" })
    .check();
  await form.getByRole("button", { name: m("Admin.departments.create") }).click();
  await expect(form.getByRole("status")).toHaveText(m("Admin.departments.created", { name: department.es }));

  // Two categories, the first with the description customers read when they choose it.
  const card = admin.getByRole("article", { name: department.es });
  await expect(card).toContainText("Álex Agente");
  const addCategory = async (name: string, description?: string) => {
    await card.getByRole("button", { name: m("Admin.departments.addCategoryTo", { name: department.es }) }).click();
    const categoryForm = card.getByRole("form", { name: m("Admin.departments.createCategoryTitle") });
    await categoryForm
      .getByRole("group", { name: m("Admin.departments.categoryNames") })
      .getByLabel(`${m("Locales.es")} (${m("Admin.names.required")})`)
      .fill(name);
    if (description) {
      await categoryForm
        .getByRole("group", { name: m("Admin.departments.categoryDescriptions") })
        .getByLabel(m("Locales.es"), { exact: true })
        .fill(description);
    }
    await categoryForm.getByRole("button", { name: m("Admin.departments.addCategory") }).click();
    await expect(card.getByRole("region", { name: m("Admin.departments.categoriesOf", { name: department.es }) })).toContainText(name);
  };
  await addCategory("Cortafuegos", "Puertos bloqueados, reglas de entrada y salida.");
  await addCategory("DNS");
  await expectNoSeriousAxeViolations(admin);

  // An organization, its service and its member.
  await admin
    .getByRole("link", { name: m("Admin.nav.organizations") })
    .first()
    .click();
  const orgForm = admin.getByRole("form", { name: m("Admin.organizations.createTitle") });
  await orgForm.getByLabel(m("Admin.organizations.name"), { exact: true }).fill(organization);
  await orgForm.getByRole("button", { name: m("Admin.organizations.create") }).click();
  await expect(admin.getByRole("heading", { level: 1, name: organization })).toBeVisible();
  await expect(admin).toHaveTitle(`${organization} · ${m("Admin.nav.organizations")} — Mesa`);

  const serviceForm = admin.getByRole("form", { name: m("Admin.organizations.addService") });
  await serviceForm.getByLabel(m("Admin.organizations.serviceName"), { exact: true }).fill(service);
  await serviceForm.getByLabel(m("Admin.organizations.serviceKind"), { exact: true }).selectOption("domain");
  await serviceForm.getByLabel(m("Admin.organizations.serviceIdentifier"), { exact: true }).fill(`${word}.example`);
  await serviceForm.getByRole("button", { name: m("Admin.organizations.addServiceButton") }).click();
  await expect(admin.getByRole("region", { name: m("Admin.organizations.servicesTitle") })).toContainText(`${word}.example`);

  const members = admin.getByRole("region", { name: `${organization} · ${m("Organization.members")}` });
  await members.getByLabel(m("Organization.email"), { exact: true }).fill(member.email);
  await members.getByRole("button", { name: m("Organization.invite") }).click();
  await expect(members.getByRole("status")).toHaveText(m("Organization.added", { email: member.email }));
  await expect(members).toContainText(member.name);
  await expectNoSeriousAxeViolations(admin);

  await admin
    .getByRole("link", { name: m("Admin.nav.staff") })
    .first()
    .click();
  await expect(admin.getByRole("heading", { level: 1 })).toBeVisible();

  // The member opens a ticket in the new department and category, for the service.
  const memberContext = await browser.newContext();
  const customer = await memberContext.newPage();
  await signIn(customer, member, "/es/tickets/new");
  await customer.getByLabel(m("TicketForm.type")).selectOption("incident");
  await customer.getByLabel(m("TicketForm.organization")).selectOption({ label: organization });
  await customer.getByLabel(m("TicketForm.department")).selectOption({ label: department.es });
  await customer.getByLabel(m("TicketForm.category")).selectOption({ label: "Cortafuegos" });
  await expect(customer.getByLabel(m("TicketForm.category"))).toHaveAccessibleDescription(
    "Puertos bloqueados, reglas de entrada y salida.",
  );
  await customer
    .getByRole("group", { name: m("TicketForm.service") })
    .getByRole("checkbox", { name: new RegExp(`^${service} \\(${m("ServiceKinds.domain")} · ${word}\\.example\\)$`) })
    .check();
  const subject = `El puerto 25 está cerrado ${word}`;
  await customer.getByLabel(m("TicketForm.subject")).fill(subject);
  await customer.getByLabel(m("TicketForm.description")).fill("No salen los correos del servidor.");
  await customer.getByRole("button", { name: m("TicketForm.submit"), exact: true }).click();
  await expect(customer).toHaveURL(/\/es\/tickets\/TK-\d{6}$/);
  await expect(customer.getByText(department.es).first()).toBeVisible();

  // The agent's queue, open since before the department existed, shows it without a reload.
  await expect(agent.getByRole("link", { name: new RegExp(subject) })).toBeVisible();
  await agent.getByRole("link", { name: new RegExp(subject) }).click();
  await expect(agent.getByText(service).first()).toBeVisible();

  // The admin's own profile is Spanish, yet the English admin area names the department in English
  // (the category has no English name: the Spanish one stands in).
  await admin.goto("/en/admin/departments");
  const english = admin.getByRole("article", { name: department.en });
  await expect(english.getByRole("heading", { level: 2 })).toHaveText(department.en);
  await expect(english.getByRole("region", { name: msg("en", "Admin.departments.categoriesOf", { name: department.en }) })).toContainText(
    "Cortafuegos",
  );

  await Promise.all([agentContext.close(), adminContext.close(), memberContext.close()]);
});
