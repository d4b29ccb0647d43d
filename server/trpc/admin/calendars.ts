import { adminProcedure, router } from "../init";
import {
  assignCalendar, countriesFor, createCalendar, listCalendarAssignments, listCalendars, regionsOf, removeCalendar, setDefaultCalendar, updateCalendar,
} from "../../sla/calendar-admin";
import { assignCalendarInput, calendarIdInput, createCalendarInput, holidayRegionsInput, updateCalendarInput } from "./calendars.schema";

const ok = { ok: true as const };

/** Business calendars, the default one, and who runs on which. Changes that move working time
 * re-derive the SLA deadlines of the open tickets they touch before answering. */
export const calendarsRouter = router({
  list: adminProcedure.query(({ ctx }) => listCalendars(ctx.db)),
  assignments: adminProcedure.query(({ ctx }) => listCalendarAssignments(ctx.db)),
  create: adminProcedure.input(createCalendarInput).mutation(({ ctx, input }) => createCalendar(ctx.db, input, ctx.now)),
  update: adminProcedure.input(updateCalendarInput).mutation(({ ctx, input: { id, ...fields } }) => updateCalendar(ctx.db, id, fields, ctx.now)),
  remove: adminProcedure.input(calendarIdInput).mutation(async ({ ctx, input }) => {
    await removeCalendar(ctx.db, input.id, ctx.now);
    return ok;
  }),
  setDefault: adminProcedure.input(calendarIdInput).mutation(async ({ ctx, input }) => {
    await setDefaultCalendar(ctx.db, input.id, ctx.now);
    return ok;
  }),
  assign: adminProcedure.input(assignCalendarInput).mutation(async ({ ctx, input }) => {
    const { calendarId, ...target } = input;
    await assignCalendar(ctx.db, target, calendarId, ctx.now);
    return ok;
  }),
  holidayCountries: adminProcedure.query(({ ctx }) => countriesFor(ctx.locale)),
  holidayRegions: adminProcedure.input(holidayRegionsInput).query(({ input }) => regionsOf(input.country)),
});
