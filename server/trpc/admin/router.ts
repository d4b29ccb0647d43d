import { router } from "../init";
import { usersRouter } from "./users";

export const adminRouter = router({ users: usersRouter });
