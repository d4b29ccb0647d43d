// Writes the rows of a bench dataset, table by table, as COPY text lines into a Sink. Everything
// comes from one seeded PRNG, so a plan always gives the same rows (ids included). The demo's
// departments, organizations and accounts must already be in the database (seedDemo): the dataset
// grows around them, so the demo sign-ins (orgadmin@demo.test sees Acme's 100 000 tickets at 1 M,
// agent@demo.test works Soporte Técnico's 200 000 open ones) are the bench's viewers.
import { ticketSearchText } from "../../../server/domain/search-text";
import { foldText } from "../../../server/domain/search-text";
import { Rng } from "./rng";
import { body, languages, subject, type Language } from "./text";
import { shares, type Plan } from "./plan";

export interface Writer {
  /** One row; resolves when the sink can take more. */
  row(values: (string | number | boolean | null)[]): Promise<void> | void;
}
export interface Sink {
  table(name: string, columns: string[]): Writer;
}

/** What the demo seed made, read back before generating. */
export interface DemoWorld {
  now: Date;
  departments: { id: number; slug: string; categoryIds: number[] }[];
  acme: { id: string; memberIds: string[]; serviceIds: string[] };
  demoAgentId: string;
}

export interface Counts {
  organizations: number;
  users: number;
  tickets: number;
  messages: number;
  events: number;
  watchers: number;
  attachments: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Timestamps as Prisma stores them (timestamp(3) without time zone, UTC). */
const ts = (ms: number) => new Date(ms).toISOString().replace("T", " ").replace("Z", "");

const slaHours: Record<string, number> = { low: 72, medium: 24, high: 8, urgent: 4, critical: 2 };
const activeStatuses = new Set(["new", "open", "on_hold", "reopened", "pending_customer"]);

export async function generate(plan: Plan, world: DemoWorld, sink: Sink): Promise<Counts> {
  const rng = new Rng(plan.seed);
  const now = +world.now;
  const counts: Counts = { organizations: 0, users: 0, tickets: 0, messages: 0, events: 0, watchers: 0, attachments: 0 };

  const organizations = sink.table("Organization", ["id", "name", "membersSeeAllTickets", "createdAt"]);
  const services = sink.table("Service", ["id", "organizationId", "name", "active"]);
  const users = sink.table("User", [
    "id",
    "email",
    "name",
    "role",
    "locale",
    "timeZone",
    "emailNotifications",
    "activatedAt",
    "createdAt",
    "updatedAt",
  ]);
  const permissions = sink.table("UserPermission", ["userId", "permission"]);
  const memberships = sink.table("Membership", ["userId", "organizationId", "role", "createdAt"]);
  const agentDepartments = sink.table("AgentDepartment", ["userId", "departmentId"]);

  // Organizations, each with a language, two services and its members. Index 0 is the demo's Acme.
  interface Org {
    id: string;
    language: Language;
    members: string[];
    services: string[];
  }
  const orgs: Org[] = [{ id: world.acme.id, language: "es", members: [...world.acme.memberIds], services: world.acme.serviceIds }];
  const zones: Record<Language, string> = { es: "Europe/Madrid", en: "Europe/London", pt: "Europe/Lisbon", fr: "Europe/Paris" };
  const addUser = async (email: string, name: string, role: "partner" | "agent", language: Language) => {
    const id = rng.uuid();
    const created = ts(now - rng.int(400, 1_200) * DAY);
    await users.row([id, email, name, role, language, zones[language], true, created, created, created]);
    await permissions.row([id, "can_access_ticketing"]);
    if (role === "agent") await permissions.row([id, "view_sensitive"]);
    counts.users++;
    return id;
  };
  for (let o = 1; o < plan.organizations; o++) {
    const language = languages[o % languages.length]!;
    const id = rng.uuid();
    await organizations.row([id, `Cliente ${o}`, o % 10 === 0, ts(now - rng.int(400, 1_500) * DAY)]);
    counts.organizations++;
    const org: Org = { id, language, members: [], services: [] };
    for (const name of [`Hosting cliente${o}.example`, `VPS vps-${o}-1`]) {
      const serviceId = rng.uuid();
      await services.row([serviceId, id, name, true]);
      org.services.push(serviceId);
    }
    for (let m = 0; m < plan.membersPerOrg; m++) {
      const userId = await addUser(`m${m}.org${o}@bench.test`, `Miembro ${m} de Cliente ${o}`, "partner", language);
      await memberships.row([userId, id, m === 0 ? "admin" : "member", ts(now - 400 * DAY)]);
      org.members.push(userId);
    }
    orgs.push(org);
  }
  // Acme's tenth of the tickets needs more than its two demo members to ask.
  for (let m = 0; m < Math.max(4, Math.round(plan.tickets / 5_000)); m++) {
    const userId = await addUser(`m${m}.acme@bench.test`, `Miembro ${m} de Acme`, "partner", "es");
    await memberships.row([userId, world.acme.id, "member", ts(now - 400 * DAY)]);
    orgs[0]!.members.push(userId);
  }
  const agents = new Map<number, string[]>();
  for (const d of world.departments) {
    const ids: string[] = d.slug === "soporte-tecnico" ? [world.demoAgentId] : [];
    for (let a = 0; a < plan.agentsPerDepartment; a++) {
      const userId = await addUser(`agent${a}.${d.slug}@bench.test`, `Agente ${a} (${d.slug})`, "agent", rng.pick(languages));
      await agentDepartments.row([userId, d.id]);
      ids.push(userId);
    }
    agents.set(d.id, ids);
  }

  const tickets = sink.table("Ticket", [
    "id",
    "number",
    "type",
    "status",
    "statusChangedAt",
    "replyToken",
    "priority",
    "channel",
    "subject",
    "departmentId",
    "categoryId",
    "organizationId",
    "requesterId",
    "assigneeId",
    "closeCount",
    "createdAt",
    "updatedAt",
    "firstResponseAt",
    "resolvedAt",
    "closedAt",
    "searchText",
    "slaClock",
    "slaNearAt",
    "slaDueAt",
  ]);
  const ticketServices = sink.table("TicketService", ["ticketId", "serviceId"]);
  // Messages go to a staging table with their folded text; the loader computes the tsvector in SQL.
  const messages = sink.table("bench_message_staging", ["part", "id", "ticketId", "authorId", "kind", "body", "folded", "createdAt"]);
  const events = sink.table("TicketEvent", ["id", "ticketId", "actorId", "kind", "before", "after", "staffOnly", "createdAt"]);
  const watchers = sink.table("Watcher", ["ticketId", "userId", "addedById", "createdAt"]);
  const attachments = sink.table("Attachment", [
    "id",
    "storage",
    "storageKey",
    "name",
    "size",
    "fileType",
    "contentType",
    "organizationId",
    "uploaderId",
    "ticketId",
    "messageId",
    "createdAt",
  ]);
  const departmentTable = shares.departments.map(([slug, w]) => [world.departments.find((d) => d.slug === slug)!, w] as const);
  let eventId = 1;

  for (let n = 1; n <= plan.tickets; n++) {
    const org = rng.next() < shares.acme ? orgs[0]! : orgs[rng.int(1, orgs.length - 1)]!;
    const department = rng.weighted(departmentTable);
    const status = rng.weighted(shares.statuses);
    const priority = rng.weighted(shares.priorities);
    const active = activeStatuses.has(status);
    // Active tickets are recent; finished ones spread over three years.
    const createdAt = now - (active ? rng.int(1, 60 * 24) * HOUR : rng.int(2, 1_095) * DAY) - rng.int(0, 3_600_000);
    const requesterId = rng.pick(org.members);
    const assigneeId = status === "new" || rng.next() < 0.15 ? null : rng.pick(agents.get(department.id)!);
    const firstResponseAt = status === "new" ? null : createdAt + rng.int(5, 600) * 60_000;
    // pending_customer: waiting long enough for the automation to resolve it (issue #15's P6 backlog);
    // resolved: recently enough not to be closed yet.
    const statusChangedAt =
      status === "pending_customer"
        ? now - rng.int(8, 40) * DAY
        : status === "resolved"
          ? now - rng.int(1, 5 * 24) * HOUR
          : status === "new"
            ? createdAt
            : Math.min(now, (firstResponseAt ?? createdAt) + rng.int(0, 72) * HOUR);
    const updatedAt = Math.max(statusChangedAt, firstResponseAt ?? createdAt);
    const resolvedAt = status === "resolved" || status === "closed" ? statusChangedAt : null;
    const language = org.language;
    const title = subject(rng, language, n);
    const id = rng.uuid();
    const service = rng.next() < 0.3 ? rng.pick(org.services) : null;
    const slaRunning = active && status !== "pending_customer" && status !== "on_hold";
    const slaStart = firstResponseAt ?? createdAt;
    const slaDue = slaRunning ? slaStart + slaHours[priority]! * HOUR * (firstResponseAt ? 3 : 1) : null;
    await tickets.row([
      id,
      n,
      rng.next() < 0.6 ? "incident" : "request",
      status,
      ts(statusChangedAt),
      rng.uuid().replace(/-/g, ""),
      priority,
      rng.weighted([
        ["web", 70],
        ["email", 25],
        ["api", 5],
      ] as const),
      title,
      department.id,
      rng.pick(department.categoryIds),
      org.id,
      requesterId,
      assigneeId,
      status === "closed" ? 1 : 0,
      ts(createdAt),
      ts(updatedAt),
      firstResponseAt === null ? null : ts(firstResponseAt),
      resolvedAt === null ? null : ts(resolvedAt),
      status === "closed" ? ts(statusChangedAt) : null,
      ticketSearchText({ number: n, subject: title }),
      slaDue === null ? null : firstResponseAt ? "resolution" : "first_response",
      slaDue === null ? null : ts(slaStart + (slaDue - slaStart) * 0.8),
      slaDue === null ? null : ts(slaDue),
    ]);
    counts.tickets++;
    if (service) await ticketServices.row([id, service]);

    // The conversation: the requester's first message, then agent answers, customer replies and
    // internal notes (about 5 messages per ticket).
    const total = status === "new" ? rng.int(1, 2) : rng.int(2, 8);
    let at = createdAt;
    let firstMessageId = "";
    const agentOfTicket = assigneeId ?? rng.pick(agents.get(department.id)!);
    for (let m = 0; m < total; m++) {
      const fromAgent = m % 2 === 1;
      const internal = fromAgent && rng.next() < 0.15;
      const messageId = rng.uuid();
      if (m === 0) firstMessageId = messageId;
      const text = body(rng, language, n);
      await messages.row([
        n % 2,
        messageId,
        id,
        fromAgent ? agentOfTicket : requesterId,
        internal ? "internal" : "public",
        text,
        foldText(text),
        ts(at),
      ]);
      counts.messages++;
      at = Math.min(updatedAt, at + rng.int(10, 24 * 60) * 60_000);
    }

    await events.row([eventId++, id, requesterId, "created", null, null, false, ts(createdAt)]);
    if (assigneeId) await events.row([eventId++, id, assigneeId, "assigned", null, assigneeId, false, ts(firstResponseAt ?? createdAt)]);
    if (status !== "new") await events.row([eventId++, id, assigneeId, "status_changed", "new", status, false, ts(statusChangedAt)]);
    counts.events += 1 + (assigneeId ? 1 : 0) + (status !== "new" ? 1 : 0);

    if (rng.next() < 0.3 && org.members.length > 1) {
      const watcher = rng.pick(org.members.filter((u) => u !== requesterId));
      await watchers.row([id, watcher, requesterId, ts(createdAt)]);
      counts.watchers++;
    }
    if (rng.next() < 0.1) {
      const fileId = rng.uuid();
      await attachments.row([
        fileId,
        "local",
        `bench/${fileId}`,
        "captura.png",
        rng.int(20_000, 900_000),
        "png",
        "image/png",
        org.id,
        requesterId,
        id,
        firstMessageId,
        ts(createdAt),
      ]);
      counts.attachments++;
    }
  }
  return counts;
}

/** One COPY text-format line. */
export function copyLine(values: (string | number | boolean | null)[]): string {
  let line = "";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) line += "\t";
    if (v === null) line += "\\N";
    else if (typeof v === "string")
      line += /[\\\t\n\r]/.test(v) ? v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : v;
    else line += String(v);
  }
  return line + "\n";
}
