import { adminProcedure, router } from "../init";
import { getAttachmentSettings, setAttachmentSettings } from "../../files/policy-admin";
import { attachmentSettingsInput, attachmentSettingsOutput, toPolicy } from "./attachments.schema";

/** Allowed file types, the per-message and per-organization sizes, uploads per hour, and which
 * departments offer the sensitive-information box. */
export const attachmentsRouter = router({
  get: adminProcedure.output(attachmentSettingsOutput).query(({ ctx }) => getAttachmentSettings(ctx.db, ctx.locale)),
  set: adminProcedure
    .input(attachmentSettingsInput)
    .output(attachmentSettingsOutput)
    .mutation(({ ctx, input }) =>
      setAttachmentSettings(ctx.db, { policy: toPolicy(input), sensitiveDepartmentIds: input.sensitiveDepartmentIds }, ctx.locale),
    ),
});
