"use client";
// Turns a tRPC error into what a form shows: a message on top and one per field, already in the
// page's language (the server translated them). Validation on the client uses the same schemas.
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { z } from "zod";

export interface FormErrors {
  form?: string;
  fields: Record<string, string>;
}

export function useFormErrors() {
  const t = useTranslations();
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });

  /** Validates with the procedure's own schema; false (and errors shown) when invalid. */
  function check<S extends z.ZodType>(schema: S, values: unknown): values is z.input<S> {
    const result = schema.safeParse(values);
    if (result.success) return true;
    const fields: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const key = issue.path.join(".");
      fields[key] ??= t(issue.message.startsWith("Validation.") ? (issue.message as "Validation.invalid") : "Validation.invalid");
    }
    setErrors({ form: t("Errors.invalid_input"), fields });
    return false;
  }

  function fromError(error: unknown) {
    if (error instanceof TRPCClientError) {
      const data = error.data as { fieldErrors?: Record<string, string> } | undefined;
      setErrors({ form: error.message, fields: data?.fieldErrors ?? {} });
    } else {
      setErrors({ form: t("Errors.network"), fields: {} });
    }
  }

  const clear = () => setErrors({ fields: {} });

  /** The whole submit: validate with the procedure's schema, run `action` with the parsed values,
   * show any refusal. Resolves true when the action succeeded; the form's values stay either way. */
  async function submit<S extends z.ZodType>(
    schema: S,
    values: unknown,
    action: (parsed: z.output<S>) => Promise<unknown>,
  ): Promise<boolean> {
    if (!check(schema, values)) return false;
    clear();
    try {
      await action(schema.parse(values));
      return true;
    } catch (error) {
      fromError(error);
      return false;
    }
  }

  return { errors, check, fromError, clear, submit };
}
