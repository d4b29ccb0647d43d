// The whole API, one router per domain.
import { adminRouter } from "./admin/router";
import { authRouter } from "./auth/router";
import { callsRouter } from "./calls/router";
import { cannedRouter } from "./canned/router";
import { helpRouter } from "./help/router";
import { createCallerFactory, router } from "./init";
import { kbRouter } from "./kb/router";
import { onBehalfRouter } from "./on-behalf/router";
import { organizationsRouter } from "./organizations/router";
import { profileRouter } from "./profile/router";
import { queueRouter } from "./queue/router";
import { savedViewsRouter } from "./saved-views/router";
import { reportsRouter } from "./reports/router";
import { ticketsRouter } from "./tickets/router";

export const appRouter = router({
  auth: authRouter,
  profile: profileRouter,
  queue: queueRouter,
  admin: adminRouter,
  tickets: ticketsRouter,
  kb: kbRouter,
  help: helpRouter,
  organizations: organizationsRouter,
  calls: callsRouter,
  onBehalf: onBehalfRouter,
  savedViews: savedViewsRouter,
  canned: cannedRouter,
  reports: reportsRouter,
});
export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
