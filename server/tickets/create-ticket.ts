// Opening a ticket, from any channel: checks that department, category, organization, services and
// interested users fit together and belong to the requester, decides the priority by the
// deployment's policy (and that the help-centre article it was opened from is a published one), and
// writes the ticket, its first message and its history in one transaction. Nothing is written when
// anything is off.
import type { Db } from "../db";
import { queueTicketMail } from "../notifications/ticket-mail";
import { AppError } from "../errors/app-error";
import { isStaff, type Principal } from "../access/principal";
import type { AlongWith, OpenTicket, OpenTicketOnBehalf } from "./commands";
import { loadPriorityPolicy } from "../admin/priority-rules";
import { indexMessage } from "./message-search";
import { initialPriority } from "../domain/priority-rules";
import { ticketSearchText } from "../domain/search-text";
import { recordEvent } from "../events/record-event";
import { fileUploads, linkUploads } from "../files/attach-uploads";
import { storeSensitive } from "../sensitive/sensitive-info";
import { publishedArticle } from "../kb/help-centre";

/** May `user` open a ticket for `orgId` in this category? Members may; so may an authorized contact
 * of the organization for a category they were allowed (seed 004), and a Mesa admin for any. */
function mayOpenFor(user: Requester, orgId: string, categoryId: number | null): boolean {
  if (user.organizations.some((o) => o.id === orgId)) return true;
  return categoryId !== null && user.contacts.some((c) => c.organizationId === orgId && c.categoryIds.includes(categoryId));
}

/** Who a ticket is for: the person opening it, or the customer support opens it for. */
type Requester = Pick<Principal, "id" | "role" | "organizations" | "contacts">;

export function createTicket(
  db: Db,
  user: Principal,
  input: OpenTicket,
  now: Date,
  alongWith?: AlongWith,
): Promise<{ id: string; number: number }> {
  return openTicket(db, user, user.id, input, now, alongWith);
}

/** Support opens a ticket for a customer (after a phone call, say): the requester is the customer,
 * a member of the organization chosen; the first message is written by the agent, and the
 * `opened_on_behalf` note (detail: the channel) tells everyone how it came. An agent opens tickets
 * only in their own departments; the customer gets the usual "ticket created" mail. */
export async function createTicketOnBehalf(db: Db, agent: Principal, input: OpenTicketOnBehalf, now: Date) {
  if (!isStaff(agent)) throw new AppError("forbidden", "forbidden");
  if (agent.role !== "admin" && !agent.departmentIds.includes(input.departmentId)) {
    throw new AppError("forbidden", "onBehalfDepartmentNotYours");
  }
  const member = await db.membership.findUnique({
    where: { userId_organizationId: { userId: input.requesterId, organizationId: input.organizationId } },
    select: { role: true, organization: { select: { id: true, name: true, membersSeeAllTickets: true } }, user: true },
  });
  if (!member || member.user.role !== "partner" || member.user.deactivatedAt) {
    throw new AppError("invalid_input", "requesterNotInOrganization");
  }
  const { organization } = member;
  const requester: Requester = {
    id: member.user.id,
    role: member.user.role,
    organizations: [{ id: organization.id, name: organization.name, role: member.role, membersSeeAll: organization.membersSeeAllTickets }],
    contacts: [],
  };
  const command: OpenTicket = {
    channel: input.channel,
    type: input.type,
    departmentId: input.departmentId,
    categoryId: input.categoryId,
    organizationId: input.organizationId,
    serviceIds: [],
    watcherIds: [],
    subject: input.subject,
    body: input.body,
    // Support decides the priority later if it matters; the rule table gives the first one.
    requestedPriority: null,
    attachmentIds: [],
    sensitive: null,
  };
  return openTicket(db, requester, agent.id, command, now, async (tx, { ticketId }) => {
    await recordEvent(tx, ticketId, agent.id, "opened_on_behalf", { detail: input.channel, at: now });
  });
}

/** `user`: the requester; `authorId`: who writes the first message and opens it (the requester, or
 * the agent acting for them). */
async function openTicket(
  db: Db,
  user: Requester,
  authorId: string,
  input: OpenTicket,
  now: Date,
  alongWith?: AlongWith,
): Promise<{ id: string; number: number }> {
  // Archived departments, categories and organizations keep their tickets but take no new ones.
  const department = await db.department.findUnique({ where: { id: input.departmentId }, select: { archivedAt: true } });
  if (!department) throw new AppError("invalid_input", "departmentUnknown");
  if (department.archivedAt) throw new AppError("invalid_input", "departmentArchived");
  if (input.categoryId !== null) {
    const category = await db.category.findFirst({
      where: { id: input.categoryId, departmentId: input.departmentId },
      select: { archivedAt: true },
    });
    if (!category) throw new AppError("invalid_input", "categoryNotInDepartment");
    if (category.archivedAt) throw new AppError("invalid_input", "categoryArchived");
  }
  const orgId = input.organizationId;
  if (orgId && (await db.organization.findUnique({ where: { id: orgId }, select: { archivedAt: true } }))?.archivedAt) {
    throw new AppError("invalid_input", "organizationArchived");
  }
  if (orgId && !mayOpenFor(user, orgId, input.categoryId)) {
    if (user.role !== "admin") throw new AppError("forbidden", "organizationNotYours");
    // An admin may open a ticket for any organization, as long as it exists.
    const exists = await db.organization.findUnique({ where: { id: orgId }, select: { id: true } });
    if (!exists) throw new AppError("invalid_input", "organizationUnknown");
  }
  if (input.serviceIds.length) {
    if (!orgId) throw new AppError("invalid_input", "serviceNotInOrganization");
    const found = await db.service.count({ where: { id: { in: input.serviceIds }, organizationId: orgId, active: true } });
    if (found !== new Set(input.serviceIds).size) throw new AppError("invalid_input", "serviceNotInOrganization");
  }
  const watcherIds = [...new Set(input.watcherIds)].filter((id) => id !== user.id && id !== authorId);
  if (watcherIds.length) {
    if (!orgId) throw new AppError("invalid_input", "watcherNotInOrganization");
    const members = await db.membership.count({ where: { userId: { in: watcherIds }, organizationId: orgId } });
    if (members !== watcherIds.length) throw new AppError("invalid_input", "watcherNotInOrganization");
  }
  const sourceArticleId = input.sourceArticleId ?? null;
  if (sourceArticleId !== null && !(await publishedArticle(db, sourceArticleId))) {
    throw new AppError("invalid_input", "kbArticleUnavailable");
  }
  // Files uploaded for another organization than the one finally chosen move first.
  await fileUploads(db, authorId, input.attachmentIds, { organizationId: orgId });
  const [rules, policy] = await Promise.all([db.priorityRule.findMany(), loadPriorityPolicy(db)]);
  const priority = initialPriority(policy, rules, { type: input.type, categoryId: input.categoryId, chosen: input.requestedPriority });

  return db.$transaction(async (tx) => {
    const ticket = await tx.ticket.create({
      data: {
        type: input.type,
        priority,
        channel: input.channel,
        subject: input.subject,
        departmentId: input.departmentId,
        categoryId: input.categoryId,
        organizationId: orgId,
        requesterId: user.id,
        sourceArticleId,
        createdAt: now,
        services: { create: input.serviceIds.map((serviceId) => ({ serviceId })) },
        watchers: { create: watcherIds.map((userId) => ({ userId, addedById: authorId })) },
      },
      include: { services: { include: { service: { select: { name: true } } } } },
    });
    const message = await tx.message.create({
      data: { ticketId: ticket.id, authorId, kind: "public", body: input.body, quotedText: input.quoted ?? null, createdAt: now },
    });
    // The number exists only once inserted: the search text and the message's words in one UPDATE.
    const services = ticket.services.map((s) => s.service.name);
    const searchText = ticketSearchText({ number: ticket.number, subject: ticket.subject, services });
    await indexMessage(tx, ticket.id, "public", input.body, searchText);
    const files = await linkUploads(tx, authorId, input.attachmentIds, ticket.id, message.id);
    if (input.sensitive) await storeSensitive(tx, ticket, message.id, input.sensitive, now);
    const eventId = await recordEvent(tx, ticket.id, authorId, "created", { after: "new", at: now });
    const refused = input.refusedFiles ?? [];
    if (refused.length) await recordEvent(tx, ticket.id, null, "files_refused", { detail: refused.join("; "), at: now });
    await queueTicketMail(tx, { ticketId: ticket.id, eventId, kind: "created", actorId: authorId, files, refusedFiles: refused });
    await alongWith?.(tx, { ticketId: ticket.id, messageId: message.id });
    return { id: ticket.id, number: ticket.number };
  });
}
