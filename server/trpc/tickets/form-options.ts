import { ticketProcedure } from "./procedure";
import { ticketFormOptions } from "../../tickets/form-options";

/** What the create form offers this person: departments and categories, their organizations with
 * services and members (for interested users). */
export const formOptions = ticketProcedure.query(({ ctx }) => ticketFormOptions(ctx.db, ctx.user));
