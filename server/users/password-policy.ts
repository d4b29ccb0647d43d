// The password policy, applied wherever a password is set (registration, reset, invitation, change
// from the profile), in the manner of NIST SP 800-63B: at least 10 characters (at most 200), not a
// commonly used password, and not the person's own email or name. No composition rules and no
// expiry. The forms check the same rules through the procedures' zod schemas (server/users/fields.ts)
// and show the reason under the field; this module is the use-cases' own check, for every caller.
//
// Common passwords: the list of @zxcvbn-ts/language-common (MIT), about 49,000 passwords ranked
// from leaked password corpora; only those long enough to pass the length rule matter here.
import { dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "../errors/app-error";
import { installCommonPasswordCheck } from "./fields";
import { PASSWORD_MAX, PASSWORD_MIN, containsPersonalInfo, isRepetitive, type PasswordProblem } from "./password-rules";

const common = new Set(dictionary["passwords-common"].filter((p) => p.length >= PASSWORD_MIN).map((p) => p.toLowerCase()));

export const isCommonPassword = (password: string) => isRepetitive(password) || common.has(password.normalize("NFKC").toLowerCase().trim());

installCommonPasswordCheck(isCommonPassword);

export function passwordProblem(password: string, person: { email?: string | null; name?: string | null }): PasswordProblem | null {
  if (password.length < PASSWORD_MIN) return "tooShort";
  if (password.length > PASSWORD_MAX) return "tooLong";
  if (isCommonPassword(password)) return "common";
  if (containsPersonalInfo(password, person)) return "containsPersonalInfo";
  return null;
}

const errorKeys = {
  tooShort: "passwordTooShort",
  tooLong: "passwordTooLong",
  common: "passwordCommon",
  containsPersonalInfo: "passwordContainsPersonalInfo",
} as const;

/** Throws invalid_input with the reason's message unless the password may be set for this person. */
export function assertPasswordAllowed(password: string, person: { email?: string | null; name?: string | null }): void {
  const problem = passwordProblem(password, person);
  if (problem) throw new AppError("invalid_input", errorKeys[problem]);
}
