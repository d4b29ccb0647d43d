// Errors reach people in their own language: domain errors by key, input errors field by field,
// and internal failures without their details.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { AppError } from "../../server/errors/app-error";
import { formatError } from "../../server/trpc/error-format";
import { updateProfileInput } from "../../server/trpc/profile/update.schema";
import { registerInput } from "../../server/trpc/auth/register.schema";
import { message } from "../support/messages";

const inputError = (schema: { safeParse: (v: unknown) => { error?: unknown } }, value: unknown) =>
  new TRPCError({ code: "BAD_REQUEST", cause: schema.safeParse(value).error as Error });

describe("formatError", () => {
  it("renders a domain error in the caller's language", () => {
    const error = new TRPCError({ code: "UNAUTHORIZED", cause: new AppError("unauthenticated", "wrongCredentials") });
    expect(formatError(error, "es")).toEqual({
      message: message("es", "Errors.wrongCredentials"),
      appCode: "unauthenticated",
      fieldErrors: undefined,
    });
    expect(formatError(error, "fr").message).toBe(message("fr", "Errors.wrongCredentials"));
  });

  it("translates every invalid field of a form", () => {
    const error = inputError(registerInput, { name: " ", email: "not-an-email", password: "short", locale: "de" });
    const formatted = formatError(error, "es");
    expect(formatted.message).toBe(message("es", "Errors.invalid_input"));
    expect(formatted.fieldErrors).toEqual({
      name: message("es", "Validation.required"),
      email: message("es", "Validation.email"),
      password: message("es", "Validation.passwordTooShort"),
      locale: message("es", "Validation.locale"),
    });
  });

  it("explains a bad time zone and phone in the profile form", () => {
    const formatted = formatError(inputError(updateProfileInput, { timeZone: "Mars/Olympus", phone: "call me" }), "pt");
    expect(formatted.fieldErrors).toEqual({ timeZone: message("pt", "Validation.timeZone"), phone: message("pt", "Validation.phone") });
  });

  it("falls back to a generic field message when a rule has no translation key", () => {
    const error = inputError(updateProfileInput, { name: 42 });
    expect(formatError(error, "en").fieldErrors).toEqual({ name: message("en", "Validation.invalid") });
  });

  it("hides the details of an internal failure", () => {
    const error = new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: new Error("connection refused at 10.0.0.5:5432") });
    expect(formatError(error, "es").message).toBe(message("es", "Errors.internal"));
    expect(formatError(error, "es").message).not.toContain("10.0.0.5");
  });
});
