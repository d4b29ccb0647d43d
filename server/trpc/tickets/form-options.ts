import { ticketProcedure } from "./procedure";
import { ticketFormOptions } from "../../tickets/form-options";
import { ticketCaptchaRequired } from "../captcha";
import { formOptionsOutput } from "./form-options.schema";

/** What the create form offers this person: departments and categories, their organizations with
 * services and members (for interested users), the priorities they may pick when the policy lets
 * customers choose, and whether it asks for the CAPTCHA. */
export const formOptions = ticketProcedure.output(formOptionsOutput).query(async ({ ctx }) => {
  const [options, captcha] = await Promise.all([ticketFormOptions(ctx.db, ctx.user, ctx.locale), ticketCaptchaRequired(ctx)]);
  return { ...options, captcha };
});
