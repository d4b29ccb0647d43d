import { router } from "../init";
import { activate } from "./activate";
import { providers } from "./providers";
import { register } from "./register";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";

export const authRouter = router({ providers, register, activate, requestPasswordReset, resetPassword });
