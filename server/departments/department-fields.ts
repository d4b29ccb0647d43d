// Form rules of Admin > Departments, shared by the browser and the procedures (pure zod; messages are
// "Validation.*" keys). `defaultLocale` is DEFAULT_LOCALE: the name that must be given.
import { z } from "zod";
import type { AppLocale } from "../i18n/locales";
import { namesField, slugField } from "../i18n/names-field";
import { idField, serialIdField } from "../validation/fields";

export const departmentFields = (defaultLocale: AppLocale) =>
  z.object({
    names: namesField(defaultLocale),
    slug: slugField,
    sensitiveInfo: z.boolean().default(false),
    /** An agent's reply to an unassigned ticket assigns it to them. */
    takeOnReply: z.boolean().default(true),
    agentIds: z.array(idField).max(500).default([]),
  });

export const departmentUpdateFields = (defaultLocale: AppLocale) => departmentFields(defaultLocale).extend({ id: serialIdField });

export const categoryFields = (defaultLocale: AppLocale) =>
  z.object({
    departmentId: serialIdField,
    names: namesField(defaultLocale),
    /** Shown under the category on the create form (seed 004: choose the right one). */
    descriptions: namesField(defaultLocale, 300, { multiLine: true, optional: true }),
    slug: slugField,
  });

export const categoryUpdateFields = (defaultLocale: AppLocale) =>
  categoryFields(defaultLocale).omit({ departmentId: true }).extend({ id: serialIdField });
