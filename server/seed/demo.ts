// Demo data: two organizations, one account per role, the four departments with their categories.
// Idempotent: running it again changes nothing. Its helpers double as test factories.
import type { Db } from "../db";
import type { OrgRole, ServiceKind, UserRole } from "../db/generated/enums";
import type { AppLocale } from "../i18n/locales";
import { hashPassword } from "../auth/password";
import { seedKnowledgeBase } from "./kb-articles";
import { findOrCreatePasswordless } from "../users/passwordless-account";
import { slugify } from "../i18n/names-field";

export const DEMO_PASSWORD = "demo1234";

/** A name in Spanish (the demo's DEFAULT_LOCALE) and in the other languages. */
type Named = [es: string, en: string, pt: string, fr: string];
const translations = ([, en, pt, fr]: Named) => ({ en, pt, fr });

interface DemoCategory {
  name: Named;
  /** What it is for, shown on the create form (seed 004: choose the right one). */
  description: Named;
}

const general: DemoCategory = {
  name: ["General", "General", "Geral", "Général"],
  description: [
    "Consultas que no encajan en otra categoría.",
    "Questions that fit no other category.",
    "Dúvidas que não se encaixam em outra categoria.",
    "Les questions qui n’entrent dans aucune autre catégorie.",
  ],
};
const other: DemoCategory = {
  name: ["Otro", "Other", "Outro", "Autre"],
  description: [
    "Cualquier otra cosa: te dirigimos al equipo adecuado.",
    "Anything else: we route it to the right team.",
    "Qualquer outra coisa: encaminhamos para a equipe certa.",
    "Tout le reste : nous l’orientons vers la bonne équipe.",
  ],
};

const departments: { name: Named; slug: string; sensitiveInfo?: boolean; categories: DemoCategory[] }[] = [
  {
    name: ["Soporte Técnico", "Technical Support", "Suporte Técnico", "Support technique"],
    slug: "soporte-tecnico",
    sensitiveInfo: true,
    categories: [
      general,
      {
        name: ["Correo", "Email", "E-mail", "Messagerie"],
        description: [
          "Cuentas de correo, envío y recepción, spam, configuración en Outlook o el móvil.",
          "Mailboxes, sending and receiving, spam, setting up Outlook or a phone.",
          "Contas de e-mail, envio e recebimento, spam, configuração no Outlook ou no celular.",
          "Boîtes mail, envoi et réception, spam, configuration d’Outlook ou du téléphone.",
        ],
      },
      {
        name: ["Sitio web", "Website", "Site", "Site web"],
        description: [
          "La web no carga, errores 500, WordPress, certificados SSL.",
          "The site does not load, 500 errors, WordPress, SSL certificates.",
          "O site não carrega, erros 500, WordPress, certificados SSL.",
          "Le site ne s’affiche pas, erreurs 500, WordPress, certificats SSL.",
        ],
      },
      {
        name: ["Servidores y VPS", "Servers and VPS", "Servidores e VPS", "Serveurs et VPS"],
        description: [
          "Servidores virtuales y dedicados: acceso, rendimiento, copias de seguridad.",
          "Virtual and dedicated servers: access, performance, backups.",
          "Servidores virtuais e dedicados: acesso, desempenho, backups.",
          "Serveurs virtuels et dédiés : accès, performances, sauvegardes.",
        ],
      },
      {
        name: ["Dominios y DNS", "Domains and DNS", "Domínios e DNS", "Domaines et DNS"],
        description: [
          "Registro y transferencia de dominios, registros DNS, propagación.",
          "Registering and transferring domains, DNS records, propagation.",
          "Registro e transferência de domínios, registros DNS, propagação.",
          "Enregistrement et transfert de domaines, enregistrements DNS, propagation.",
        ],
      },
      other,
      {
        name: ["Panel de control", "Control panel", "Painel de controle", "Panneau de contrôle"],
        description: [
          "Acceso y uso del panel de control de tu hosting (seed 004).",
          "Signing in to and using your hosting’s control panel.",
          "Acesso e uso do painel de controle da sua hospedagem.",
          "Accès et utilisation du panneau de contrôle de votre hébergement.",
        ],
      },
    ],
  },
  {
    name: ["Ventas", "Sales", "Vendas", "Ventes"],
    slug: "ventas",
    categories: [
      general,
      {
        name: ["Cotizaciones", "Quotes", "Orçamentos", "Devis"],
        description: [
          "Pide un presupuesto para un plan, un servidor o un proyecto.",
          "Ask for a quote for a plan, a server or a project.",
          "Peça um orçamento para um plano, um servidor ou um projeto.",
          "Demandez un devis pour une offre, un serveur ou un projet.",
        ],
      },
      {
        name: ["Actualizaciones del sitio", "Website updates", "Atualizações do site", "Mises à jour du site"],
        description: [
          "Cambios de contenido o diseño en una web que mantenemos por ti.",
          "Content or design changes to a site we maintain for you.",
          "Mudanças de conteúdo ou design num site que mantemos para você.",
          "Modifications de contenu ou de design d’un site que nous maintenons pour vous.",
        ],
      },
      other,
    ],
  },
  {
    name: ["Facturación", "Billing", "Faturamento", "Facturation"],
    slug: "facturacion",
    sensitiveInfo: true,
    categories: [
      general,
      {
        name: ["Facturación", "Invoices", "Faturas", "Factures"],
        description: [
          "Facturas, datos fiscales y duplicados.",
          "Invoices, tax details and copies.",
          "Faturas, dados fiscais e segundas vias.",
          "Factures, informations fiscales et duplicatas.",
        ],
      },
      {
        name: ["Pagos", "Payments", "Pagamentos", "Paiements"],
        description: [
          "Pagos y cobranza: cargos, reembolsos, cambio de tarjeta.",
          "Payments and collections: charges, refunds, changing the card.",
          "Pagamentos e cobrança: cobranças, reembolsos, troca de cartão.",
          "Paiements et recouvrement : prélèvements, remboursements, changement de carte.",
        ],
      },
      other,
    ],
  },
  {
    name: ["Administración", "Administration", "Administração", "Administration"],
    slug: "administracion",
    categories: [
      general,
      {
        name: ["Organización / servicio", "Organization / service", "Organização / serviço", "Organisation / service"],
        description: [
          "Altas y bajas de servicios, titularidad y datos de la organización.",
          "Adding or cancelling services, ownership and the organization’s details.",
          "Contratação e cancelamento de serviços, titularidade e dados da organização.",
          "Ajout ou résiliation de services, titulaire et informations de l’organisation.",
        ],
      },
      other,
    ],
  },
];

const organizations: { name: string; services: DemoService[] }[] = [
  {
    name: "Acme Hosting",
    services: [
      { name: "Hosting Pro acme.example", kind: "hosting", identifier: "acme.example" },
      { name: "VPS acme-01", kind: "vps", identifier: "acme-01.vps.example" },
      { name: "Dominio acme.example", kind: "domain", identifier: "acme.example" },
    ],
  },
  {
    name: "Globex",
    services: [
      { name: "Hosting Básico globex.example", kind: "hosting", identifier: "globex.example" },
      { name: "Correo corporativo globex.example", kind: "email", identifier: "globex.example" },
    ],
  },
];

interface DemoService {
  name: string;
  kind?: ServiceKind;
  identifier?: string;
}

const users: { email: string; name: string; role: UserRole; locale: AppLocale; org?: [string, OrgRole]; departments?: string[] }[] = [
  { email: "partner@demo.test", name: "Paula Partner", role: "partner", locale: "es", org: ["Acme Hosting", "member"] },
  { email: "orgadmin@demo.test", name: "Óscar Org-Admin", role: "partner", locale: "es", org: ["Acme Hosting", "admin"] },
  { email: "partner2@demo.test", name: "Gloria Globex", role: "partner", locale: "es", org: ["Globex", "member"] },
  { email: "agent@demo.test", name: "Álex Agente", role: "agent", locale: "es", departments: ["soporte-tecnico"] },
  { email: "admin@demo.test", name: "Ada Admin", role: "admin", locale: "es" },
];

/** Tickets by mail (seeds 002, 003, 004): each department's intake address, its policy and the
 * category its tickets start in. */
const intake = [
  { address: "soporte@demo.test", department: "soporte-tecnico", policy: "known_contacts", category: "general" },
  { address: "facturacion@demo.test", department: "facturacion", policy: "known_contacts", category: "facturacion" },
  { address: "ventas@demo.test", department: "ventas", policy: "anyone", category: "general" },
  { address: "administracion@demo.test", department: "administracion", policy: "off", category: "general" },
] as const;

/** Seed 004's "Martha de Pagos": not a member of Acme, but may open its billing tickets by mail. */
const contacts = [
  {
    email: "martha@acme.test",
    name: "Martha de Pagos",
    locale: "es",
    organization: "Acme Hosting",
    categories: [["facturacion", "facturacion"]],
  },
] as const;

async function seedMailIntake(db: Db, deptIds: Map<string, number>, orgIds: Map<string, string>): Promise<void> {
  const categoryId = async (department: string, slug: string) =>
    (await db.category.findUniqueOrThrow({ where: { departmentId_slug: { departmentId: deptIds.get(department)!, slug } } })).id;
  for (const i of intake) {
    const departmentId = deptIds.get(i.department)!;
    // Set up once: an admin's later choices (policy, addresses) stand when the seed runs again.
    if (await db.intakeAddress.findUnique({ where: { address: i.address } })) continue;
    await db.intakeAddress.create({ data: { address: i.address, departmentId, categoryId: await categoryId(i.department, i.category) } });
    await db.department.update({ where: { id: departmentId }, data: { mailIntake: i.policy } });
  }
  for (const c of contacts) {
    const userId = await findOrCreatePasswordless(db, c);
    const organizationId = orgIds.get(c.organization)!;
    const contact = await db.authorizedContact.upsert({
      where: { organizationId_userId: { organizationId, userId } },
      create: { organizationId, userId },
      update: {},
    });
    for (const [department, slug] of c.categories) {
      const id = await categoryId(department, slug);
      await db.contactCategory.upsert({
        where: { contactId_categoryId: { contactId: contact.id, categoryId: id } },
        create: { contactId: contact.id, categoryId: id },
        update: {},
      });
    }
  }
}

type CategoryInput = string | DemoCategory;
const isUntranslated = (value: unknown) => !value || (typeof value === "object" && Object.keys(value).length === 0);

/** `sensitiveInfo`: the department's forms offer the encrypted box (credentials, bank data). Names
 * may be given in every language ([es, en, pt, fr]); a row that exists keeps what an admin changed,
 * and only gets the translations it has none of (so older demo databases get them once). */
export async function upsertDepartment(
  db: Db,
  d: { name: string | Named; slug: string; categories: CategoryInput[]; sensitiveInfo?: boolean },
) {
  const [name, nameTranslations] = typeof d.name === "string" ? [d.name, {}] : [d.name[0], translations(d.name)];
  let department = await db.department.upsert({
    where: { slug: d.slug },
    create: { name, nameTranslations, slug: d.slug, sensitiveInfo: d.sensitiveInfo ?? false },
    update: {},
  });
  if (isUntranslated(department.nameTranslations) && !isUntranslated(nameTranslations)) {
    department = await db.department.update({ where: { id: department.id }, data: { nameTranslations } });
  }
  for (const c of d.categories) {
    const named =
      typeof c === "string"
        ? { name: c, nameTranslations: {}, description: "", descriptionTranslations: {} }
        : {
            name: c.name[0],
            nameTranslations: translations(c.name),
            description: c.description[0],
            descriptionTranslations: translations(c.description),
          };
    const slug = slugify(named.name);
    const category = await db.category.upsert({
      where: { departmentId_slug: { departmentId: department.id, slug } },
      create: { departmentId: department.id, slug, ...named },
      update: {},
    });
    if (isUntranslated(category.nameTranslations) && !isUntranslated(named.nameTranslations) && !category.description) {
      await db.category.update({ where: { id: category.id }, data: named });
    }
  }
  return department;
}

export async function upsertOrganization(db: Db, o: { name: string; services: (string | DemoService)[] }) {
  const org = await db.organization.upsert({ where: { name: o.name }, create: { name: o.name }, update: {} });
  for (const s of o.services) {
    const service = typeof s === "string" ? { name: s } : s;
    const row = await db.service.upsert({
      where: { organizationId_name: { organizationId: org.id, name: service.name } },
      create: { organizationId: org.id, name: service.name, kind: service.kind, identifier: service.identifier },
      update: {},
    });
    if (row.kind === "other" && !row.identifier && service.kind) {
      await db.service.update({ where: { id: row.id }, data: { kind: service.kind, identifier: service.identifier } });
    }
  }
  return org;
}

/** An activated user with a password and ticketing access; existing users are left as they are. */
export async function upsertUser(
  db: Db,
  u: {
    email: string;
    name: string;
    role?: UserRole;
    locale?: AppLocale;
    password?: string;
    organizationId?: string;
    orgRole?: OrgRole;
    departmentIds?: number[];
  },
) {
  const existing = await db.user.findUnique({ where: { email: u.email } });
  if (existing) return existing;
  return db.user.create({
    data: {
      email: u.email,
      name: u.name,
      role: u.role ?? "partner",
      locale: u.locale ?? "es",
      passwordHash: await hashPassword(u.password ?? DEMO_PASSWORD),
      activatedAt: new Date(),
      permissions: {
        create: [
          { permission: "can_access_ticketing" },
          ...(u.role === "partner" || !u.role ? [] : [{ permission: "view_sensitive" as const }]),
        ],
      },
      memberships: u.organizationId ? { create: { organizationId: u.organizationId, role: u.orgRole ?? "member" } } : undefined,
      departments: u.departmentIds?.length ? { create: u.departmentIds.map((departmentId) => ({ departmentId })) } : undefined,
    },
  });
}

export async function seedDemo(db: Db): Promise<void> {
  const deptIds = new Map<string, number>();
  for (const d of departments) deptIds.set(d.slug, (await upsertDepartment(db, d)).id);
  const orgIds = new Map<string, string>();
  for (const o of organizations) orgIds.set(o.name, (await upsertOrganization(db, o)).id);
  for (const u of users) {
    await upsertUser(db, {
      ...u,
      organizationId: u.org && orgIds.get(u.org[0]),
      orgRole: u.org?.[1],
      departmentIds: u.departments?.map((slug) => deptIds.get(slug)!),
    });
  }
  // Acme's plan includes round-the-clock support: its tickets' SLA clocks never wait for office hours.
  const allHours = await db.businessCalendar.upsert({
    where: { name: "24/7" },
    create: { name: "24/7", timeZone: "UTC", workingDays: [0, 1, 2, 3, 4, 5, 6], startTime: "00:00", endTime: "24:00", extraHolidays: [] },
    update: {},
  });
  // The default calendar the migrations create, named in the other languages once.
  await db.businessCalendar.updateMany({
    where: { name: "Horario laboral", nameTranslations: { equals: {} } },
    data: { nameTranslations: { en: "Business hours", pt: "Horário comercial", fr: "Heures ouvrées" } },
  });
  await db.organization.updateMany({ where: { name: "Acme Hosting", calendarId: null }, data: { calendarId: allHours.id } });
  await seedMailIntake(db, deptIds, orgIds);
  await seedKnowledgeBase(db);
}
