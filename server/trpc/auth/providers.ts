import { publicProcedure } from "../init";
import { isGoogleEnabled } from "../../auth/options";

/** Which sign-in methods this server offers. */
export const providers = publicProcedure.query(() => ({ google: isGoogleEnabled() }));
