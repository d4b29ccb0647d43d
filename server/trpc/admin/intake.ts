import { addIntakeAddress, intakeOverview, removeIntakeAddress, setIntakePolicy } from "../../inbound/admin/intake";
import { adminProcedure, router } from "../init";
import { okOutput } from "../outputs";
import {
  addIntakeAddressInput,
  intakeAddressIdInput,
  intakeAddressOutput,
  intakeOverviewOutput,
  intakePolicyOutput,
  setIntakePolicyInput,
} from "./intake.schema";

/** Administración › Entrada por correo: per department, who may open tickets by mail, what a reply
 * to a closed ticket does, and the addresses that lead there. */
export const intakeRouter = router({
  overview: adminProcedure.output(intakeOverviewOutput).query(({ ctx }) => intakeOverview(ctx.db, ctx.locale)),
  setPolicy: adminProcedure
    .input(setIntakePolicyInput)
    .output(intakePolicyOutput)
    .mutation(({ ctx, input }) => setIntakePolicy(ctx.db, input)),
  addAddress: adminProcedure
    .input(addIntakeAddressInput)
    .output(intakeAddressOutput)
    .mutation(({ ctx, input }) => addIntakeAddress(ctx.db, input, ctx.locale)),
  removeAddress: adminProcedure
    .input(intakeAddressIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await removeIntakeAddress(ctx.db, input.id);
      return { ok: true as const };
    }),
});
