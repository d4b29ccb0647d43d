import { adminProcedure, router } from "../init";
import {
  createOrganization,
  createService,
  organizationForAdmin,
  removeOrganization,
  removeService,
  restoreOrganization,
  searchOrganizations,
  updateOrganization,
  updateService,
} from "../../organizations/admin";
import { okOutput } from "../outputs";
import { removalOutput } from "./departments.schema";
import {
  createOrganizationInput,
  createServiceInput,
  namedUuidOutput,
  organizationAdminOutput,
  organizationIdInput,
  organizationSearchOutput,
  searchOrganizationsInput,
  updateOrganizationInput,
  updateServiceInput,
} from "./organizations.schema";

/** Customers: their details, calendar and services (members: the organizations router, which site admins may use on any). */
export const organizationsAdminRouter = router({
  search: adminProcedure
    .input(searchOrganizationsInput)
    .output(organizationSearchOutput)
    .query(({ ctx, input }) => searchOrganizations(ctx.db, input.q)),
  get: adminProcedure
    .input(organizationIdInput)
    .output(organizationAdminOutput)
    .query(({ ctx, input }) => organizationForAdmin(ctx.db, input.id, ctx.locale)),
  create: adminProcedure
    .input(createOrganizationInput)
    .output(namedUuidOutput)
    .mutation(({ ctx, input }) => createOrganization(ctx.db, input)),
  update: adminProcedure
    .input(updateOrganizationInput)
    .output(namedUuidOutput)
    .mutation(({ ctx, input: { id, ...command } }) => updateOrganization(ctx.db, id, command)),
  remove: adminProcedure
    .input(organizationIdInput)
    .output(removalOutput)
    .mutation(({ ctx, input }) => removeOrganization(ctx.db, input.id, ctx.now)),
  restore: adminProcedure
    .input(organizationIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await restoreOrganization(ctx.db, input.id);
      return { ok: true as const };
    }),
  createService: adminProcedure
    .input(createServiceInput)
    .output(namedUuidOutput)
    .mutation(({ ctx, input: { organizationId, ...command } }) => createService(ctx.db, organizationId, command)),
  updateService: adminProcedure
    .input(updateServiceInput)
    .output(namedUuidOutput)
    .mutation(({ ctx, input: { id, ...command } }) => updateService(ctx.db, id, command)),
  removeService: adminProcedure
    .input(organizationIdInput)
    .output(removalOutput)
    .mutation(({ ctx, input }) => removeService(ctx.db, input.id)),
});
