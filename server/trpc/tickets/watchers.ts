import { ticketProcedure } from "./procedure";
import { addWatcher as add, removeWatcher as remove, setMuted as mute } from "../../tickets/participation";
import { muteInput, muteOutput, watcherInput, watcherOutput } from "./actions.schema";

export const addWatcher = ticketProcedure
  .input(watcherInput)
  .output(watcherOutput)
  .mutation(({ ctx, input }) => add(ctx.db, ctx.user, input.ticket, input.userId, ctx.now));

export const removeWatcher = ticketProcedure
  .input(watcherInput)
  .output(watcherOutput)
  .mutation(({ ctx, input }) => remove(ctx.db, ctx.user, input.ticket, input.userId, ctx.now));

export const setMuted = ticketProcedure
  .input(muteInput)
  .output(muteOutput)
  .mutation(({ ctx, input }) => mute(ctx.db, ctx.user, input.ticket, input.muted));
