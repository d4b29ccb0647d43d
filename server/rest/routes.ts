// Every REST operation, in the order /api/openapi.json lists them.
import type { RestRoute } from "./route";
import { attachmentRoutes } from "./routes/attachments";
import { departmentRoutes } from "./routes/departments";
import { staffRoutes } from "./routes/staff";
import { ticketRoutes } from "./routes/tickets";

export const restRoutes: RestRoute[] = [...ticketRoutes, ...staffRoutes, ...departmentRoutes, ...attachmentRoutes];
