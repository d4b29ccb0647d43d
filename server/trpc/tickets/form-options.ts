import { ticketProcedure } from "./procedure";
import { ticketFormOptions } from "../../tickets/form-options";
import { formOptionsOutput } from "./form-options.schema";

/** What the create form offers this person: departments and categories, their organizations with
 * services and members (for interested users), and the priorities they may pick when the policy lets
 * customers choose. */
export const formOptions = ticketProcedure.output(formOptionsOutput).query(({ ctx }) => ticketFormOptions(ctx.db, ctx.user));
