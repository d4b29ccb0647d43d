import { router } from "../init";
import { attachmentsRouter } from "./attachments";
import { automationRouter } from "./automation";
import { calendarsRouter } from "./calendars";
import { departmentsRouter } from "./departments";
import { organizationsAdminRouter } from "./organizations";
import { inboundRouter } from "./inbound";
import { intakeRouter } from "./intake";
import { knowledgeBaseRouter } from "./knowledge-base";
import { mailboxesRouter } from "./mailboxes";
import { priorityRulesRouter } from "./priority-rules";
import { securityRouter } from "./security";
import { slaPoliciesRouter } from "./sla-policies";
import { usersRouter } from "./users";

export const adminRouter = router({
  users: usersRouter,
  departments: departmentsRouter,
  organizations: organizationsAdminRouter,
  priorityRules: priorityRulesRouter,
  slaPolicies: slaPoliciesRouter,
  calendars: calendarsRouter,
  automation: automationRouter,
  attachments: attachmentsRouter,
  security: securityRouter,
  mailboxes: mailboxesRouter,
  inbound: inboundRouter,
  intake: intakeRouter,
  knowledgeBase: knowledgeBaseRouter,
});
