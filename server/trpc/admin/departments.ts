import { adminProcedure, router } from "../init";
import {
  assignableAgents,
  createCategory,
  createDepartment,
  listDepartmentsForAdmin,
  removeCategory,
  removeDepartment,
  restoreCategory,
  restoreDepartment,
  updateCategory,
  updateDepartment,
} from "../../departments/admin";
import { contentLocale } from "../../i18n/localized";
import { okOutput } from "../outputs";
import {
  adminDepartmentsOutput,
  createCategoryInput,
  createDepartmentInput,
  namedRowOutput,
  removalOutput,
  serialIdInput,
  updateCategoryInput,
  updateDepartmentInput,
} from "./departments.schema";

const ok = { ok: true as const };

/** Departments and their categories: names per language, agents, archive or delete. */
export const departmentsRouter = router({
  list: adminProcedure.output(adminDepartmentsOutput).query(async ({ ctx }) => {
    const [departments, agents] = await Promise.all([listDepartmentsForAdmin(ctx.db, ctx.locale), assignableAgents(ctx.db)]);
    return { defaultLocale: contentLocale(), departments, agents };
  }),
  create: adminProcedure
    .input(createDepartmentInput)
    .output(namedRowOutput)
    .mutation(({ ctx, input }) => createDepartment(ctx.db, input)),
  update: adminProcedure
    .input(updateDepartmentInput)
    .output(namedRowOutput)
    .mutation(({ ctx, input: { id, ...command } }) => updateDepartment(ctx.db, id, command)),
  remove: adminProcedure
    .input(serialIdInput)
    .output(removalOutput)
    .mutation(({ ctx, input }) => removeDepartment(ctx.db, input.id, ctx.now)),
  restore: adminProcedure
    .input(serialIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await restoreDepartment(ctx.db, input.id);
      return ok;
    }),
  createCategory: adminProcedure
    .input(createCategoryInput)
    .output(namedRowOutput)
    .mutation(({ ctx, input: { departmentId, ...command } }) => createCategory(ctx.db, departmentId, command)),
  updateCategory: adminProcedure
    .input(updateCategoryInput)
    .output(namedRowOutput)
    .mutation(({ ctx, input: { id, ...command } }) => updateCategory(ctx.db, id, command)),
  removeCategory: adminProcedure
    .input(serialIdInput)
    .output(removalOutput)
    .mutation(({ ctx, input }) => removeCategory(ctx.db, input.id, ctx.now)),
  restoreCategory: adminProcedure
    .input(serialIdInput)
    .output(okOutput)
    .mutation(async ({ ctx, input }) => {
      await restoreCategory(ctx.db, input.id);
      return ok;
    }),
});
