// Inputs and outputs of Admin > Departments. The field rules are server/departments/department-fields.ts
// with the deployment's default language required.
import { z } from "zod";
import { categoryFields, categoryUpdateFields, departmentFields, departmentUpdateFields } from "../../departments/department-fields";
import { contentLocale } from "../../i18n/localized";
import { locales } from "../../i18n/locales";
import { serialIdField } from "../../validation/fields";
import { id, serialId } from "../outputs";

const def = () => contentLocale();
export const createDepartmentInput = z.lazy(() => departmentFields(def()));
export const updateDepartmentInput = z.lazy(() => departmentUpdateFields(def()));
export const createCategoryInput = z.lazy(() => categoryFields(def()));
export const updateCategoryInput = z.lazy(() => categoryUpdateFields(def()));
export const serialIdInput = z.object({ id: serialIdField });

const names = z.object(Object.fromEntries(locales.map((l) => [l, z.string()])) as Record<(typeof locales)[number], z.ZodString>);

export const adminDepartmentsOutput = z.object({
  /** The language whose name is required (DEFAULT_LOCALE). */
  defaultLocale: z.enum(locales),
  departments: z.array(
    z.object({
      id: serialId,
      name: z.string(),
      names,
      slug: z.string(),
      sensitiveInfo: z.boolean(),
      takeOnReply: z.boolean(),
      archived: z.boolean(),
      ticketCount: z.number().int(),
      agents: z.array(z.object({ id, name: z.string(), email: z.string() })),
      intakeAddresses: z.array(z.string()),
      categories: z.array(
        z.object({
          id: serialId,
          name: z.string(),
          names,
          descriptions: names,
          slug: z.string(),
          archived: z.boolean(),
          ticketCount: z.number().int(),
        }),
      ),
    }),
  ),
  agents: z.array(z.object({ id, name: z.string(), email: z.string() })),
});

export const namedRowOutput = z.object({ id: serialId, name: z.string() });
export const removalOutput = z.object({ outcome: z.enum(["deleted", "archived"]) });
