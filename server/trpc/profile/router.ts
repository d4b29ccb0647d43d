import { router } from "../init";
import { changePassword } from "./change-password";
import { get } from "./get";
import { tokensRouter } from "./tokens";
import { update } from "./update";

export const profileRouter = router({ get, update, changePassword, tokens: tokensRouter });
