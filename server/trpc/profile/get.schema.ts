// What profile.get answers: the signed-in person, with what the interface needs to decide what to show.
import { z } from "zod";
import { OrgRole } from "../../db/generated/enums";
import { id } from "../outputs";
import { profileOutput } from "./update.schema";

export const viewerOutput = profileOutput.extend({
  organizations: z.array(z.object({ id, name: z.string(), role: z.enum(OrgRole), membersSeeAll: z.boolean() })),
  isStaff: z.boolean(),
  canAccessTicketing: z.boolean(),
  canViewSensitive: z.boolean(),
});
