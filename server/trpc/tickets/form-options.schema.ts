// What tickets.formOptions answers: the create form's choices for one person.
import { z } from "zod";
import { ServiceKind } from "../../db/generated/enums";
import { departmentWithCategories, id } from "../outputs";
import { priorities } from "../../domain/priority-rules";

export const formOptionsOutput = z.object({
  departments: z.array(departmentWithCategories),
  /** What the file picker checks before uploading (the server checks again, and by content). */
  attachments: z.object({ extensions: z.array(z.string()), maxMessageBytes: z.number().int() }),
  /** The person's organizations, with their active services and the other members (possible interested users). */
  organizations: z.array(
    z.object({
      id,
      name: z.string(),
      services: z.array(z.object({ id, name: z.string(), kind: z.enum(ServiceKind), identifier: z.string().nullable() })),
      members: z.array(z.object({ id, name: z.string(), email: z.string() })),
    }),
  ),
  /** The priorities the customer may pick (policy customer_choice); null: the rule table decides. */
  priorityChoices: z.array(z.enum(priorities)).nullable(),
  /** The form shows the CAPTCHA and the server wants its solution (an admin's choice; never with CAPTCHA=off). */
  captcha: z.boolean(),
});
