// The management screen: list, create, edit, delete (staff; who may change which is the domain's).
import { agentProcedure } from "../init";
import { createCanned, deleteCanned, listCanned, updateCanned } from "../../canned-replies/manage";
import {
  cannedDeletedOutput,
  cannedIdInput,
  cannedListOutput,
  cannedSavedOutput,
  createCannedInput,
  updateCannedInput,
} from "./canned.schema";

export const list = agentProcedure.output(cannedListOutput).query(({ ctx }) => listCanned(ctx.db, ctx.user, ctx.locale));

export const create = agentProcedure
  .input(createCannedInput)
  .output(cannedSavedOutput)
  .mutation(({ ctx, input }) => createCanned(ctx.db, ctx.user, input));

export const update = agentProcedure
  .input(updateCannedInput)
  .output(cannedSavedOutput)
  .mutation(({ ctx, input: { id, ...fields } }) => updateCanned(ctx.db, ctx.user, id, fields));

export const remove = agentProcedure
  .input(cannedIdInput)
  .output(cannedDeletedOutput)
  .mutation(({ ctx, input }) => deleteCanned(ctx.db, ctx.user, input.id));
