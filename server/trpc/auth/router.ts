import { router } from "../init";
import { activate } from "./activate";
import { captcha, providers } from "./providers";
import { register } from "./register";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";

export const authRouter = router({ providers, captcha, register, activate, requestPasswordReset, resetPassword });
