import { protectedProcedure } from "../init";
import { updateProfile } from "../../users/profile";
import { emitTo } from "../../realtime/emit";
import { userRoom } from "../../realtime/events";
import { profileOutput, updateProfileInput } from "./update.schema";

export const update = protectedProcedure
  .input(updateProfileInput)
  .output(profileOutput)
  .mutation(async ({ ctx, input }) => {
    const profile = await updateProfile(ctx.db, ctx.user.id, input);
    // Every open tab of this person follows the change without reload.
    emitTo(userRoom(ctx.user.id), "profile.updated", {
      name: profile.name,
      locale: profile.locale,
      timeZone: profile.timeZone,
      phone: profile.phone,
    });
    return profile;
  });
