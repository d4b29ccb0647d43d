// A ticket's SLA for support staff: both clocks with their explained segments, the calendar they
// run on, and the alerts recorded so far.
import { staffOnly } from "../init";
import { ticketProcedure } from "./procedure";
import { findVisibleTicket } from "../../access/find-visible";
import { readTicketSla } from "../../sla/ticket-sla";
import { ticketRefInput } from "./actions.schema";
import { ticketSlaOutput } from "./sla.schema";
import { localized } from "../../i18n/localized";

export const sla = ticketProcedure
  .use(staffOnly)
  .input(ticketRefInput)
  .output(ticketSlaOutput)
  .query(async ({ ctx, input }) => {
    const ticket = await findVisibleTicket(ctx.db, ctx.user, input.ticket);
    const [reading, alerts] = await Promise.all([
      readTicketSla(ctx.db, ticket.id, ctx.now),
      ctx.db.ticketEvent.findMany({
        where: { ticketId: ticket.id, kind: { in: ["sla_near_breach", "sla_breached"] } },
        orderBy: { id: "asc" },
        select: { kind: true, detail: true, createdAt: true },
      }),
    ]);
    if (!reading) return null;
    const { nameTranslations, ...stored } = reading.calendar;
    const calendar = { ...stored, name: localized(stored.name, nameTranslations, ctx.locale) };
    return { calendar, clocks: reading.clocks, alerts };
  });
