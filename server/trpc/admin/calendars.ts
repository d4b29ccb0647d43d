import { adminProcedure, router } from "../init";
import {
  assignCalendar,
  countriesFor,
  createCalendar,
  listCalendarAssignments,
  listCalendars,
  regionsOf,
  removeCalendar,
  setDefaultCalendar,
  updateCalendar,
} from "../../sla/calendar-admin";
import {
  assignCalendarInput,
  calendarAssignmentsOutput,
  calendarIdInput,
  calendarListOutput,
  calendarOutput,
  createCalendarInput,
  holidayPlacesOutput,
  holidayRegionsInput,
  updateCalendarInput,
} from "./calendars.schema";
import { okOutput } from "../outputs";

const ok = { ok: true as const };

/** Business calendars, the default one, and who runs on which. Changes that move working time
 * re-derive the SLA deadlines of the open tickets they touch before answering. */
export const calendarsRouter = router({
  list: adminProcedure.output(calendarListOutput).query(({ ctx }) => listCalendars(ctx.db, ctx.locale)),
  assignments: adminProcedure.output(calendarAssignmentsOutput).query(({ ctx }) => listCalendarAssignments(ctx.db, ctx.locale)),
  create: adminProcedure
    .input(createCalendarInput)
    .output(calendarOutput)
    .mutation(({ ctx, input }) => createCalendar(ctx.db, input, ctx.now, ctx.locale)),
  update: adminProcedure
    .input(updateCalendarInput)
    .output(calendarOutput)
    .mutation(({ ctx, input: { id, ...fields } }) => updateCalendar(ctx.db, id, fields, ctx.now, ctx.locale)),
  remove: adminProcedure
    .input(calendarIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await removeCalendar(ctx.db, input.id, ctx.now);
      return ok;
    }),
  setDefault: adminProcedure
    .input(calendarIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await setDefaultCalendar(ctx.db, input.id, ctx.now);
      return ok;
    }),
  assign: adminProcedure
    .input(assignCalendarInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      const { calendarId, ...target } = input;
      await assignCalendar(ctx.db, target, calendarId, ctx.now);
      return ok;
    }),
  holidayCountries: adminProcedure.output(holidayPlacesOutput).query(({ ctx }) => countriesFor(ctx.locale)),
  holidayRegions: adminProcedure
    .input(holidayRegionsInput)
    .output(holidayPlacesOutput)
    .query(({ input }) => regionsOf(input.country)),
});
