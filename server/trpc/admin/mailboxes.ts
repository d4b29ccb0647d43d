import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";
import {
  assertOAuthMailbox,
  createMailbox,
  findMailbox,
  listMailboxes,
  mailboxHasPassword,
  removeMailbox,
  updateMailbox,
} from "../../inbound/admin/mailboxes";
import { oauthAuthorizationUrl, oauthRedirectUri } from "../../inbound/sources/oauth2";
import { testMailboxConnection } from "../../inbound/sources/test-connection";
import { adminProcedure, router } from "../init";
import { okOutput } from "../outputs";
import {
  connectionTestOutput,
  createMailboxInput,
  mailboxIdInput,
  mailboxListOutput,
  mailboxOutput,
  oauthConnectOutput,
  updateMailboxInput,
} from "./mailboxes.schema";

/** A refusal under one field, the way a schema's would arrive (translated by the error formatter). */
const fieldRefusal = (path: string, message: string) =>
  new TRPCError({ code: "BAD_REQUEST", message, cause: new ZodRealError([{ code: "custom", path: [path], message, input: undefined }]) });

/** Administración › Buzones: the mailboxes Mesa fetches mail from. Passwords and client secrets go
 * in, sealed, and never come back out. */
export const mailboxesRouter = router({
  list: adminProcedure
    .output(mailboxListOutput)
    .query(async ({ ctx }) => ({ mailboxes: await listMailboxes(ctx.db), redirectUri: oauthRedirectUri() })),
  create: adminProcedure
    .input(createMailboxInput)
    .output(mailboxOutput)
    .mutation(({ ctx, input }) => createMailbox(ctx.db, input)),
  update: adminProcedure
    .input(updateMailboxInput)
    .output(mailboxOutput)
    .mutation(async ({ ctx, input: { id, ...fields } }) => {
      // Password auth with no password stored (it was OAuth2 until now) needs one typed in.
      if (fields.auth === "password" && !fields.password && !(await mailboxHasPassword(ctx.db, id)))
        throw fieldRefusal("password", "Validation.required");
      return updateMailbox(ctx.db, id, fields);
    }),
  remove: adminProcedure
    .input(mailboxIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await removeMailbox(ctx.db, input.id);
      return { ok: true as const };
    }),
  /** "Probar conexión": signs in and opens the folder; the outcome is also recorded on the mailbox. */
  testConnection: adminProcedure
    .input(mailboxIdInput)
    .output(connectionTestOutput)
    .mutation(async ({ ctx, input }) => {
      await findMailbox(ctx.db, input.id);
      return testMailboxConnection(ctx.db, input.id);
    }),
  /** "Conectar" (OAuth2): the provider's authorization page, where the browser goes next. */
  connect: adminProcedure
    .input(mailboxIdInput)
    .output(oauthConnectOutput)
    .mutation(async ({ ctx, input }) => {
      await assertOAuthMailbox(ctx.db, input.id);
      return { url: await oauthAuthorizationUrl(ctx.db, input.id, oauthRedirectUri()) };
    }),
});
