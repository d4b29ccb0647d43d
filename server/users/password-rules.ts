// The password rules the browser can check too (no list needed): NIST SP 800-63B asks for length,
// not composition, and for refusing what an attacker guesses first, such as the person's own email
// or name. The list of common passwords lives on the server only (password-policy.ts).
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export type PasswordProblem = "tooShort" | "tooLong" | "common" | "containsPersonalInfo";

const norm = (s: string) => s.normalize("NFKC").toLowerCase().trim();

/** Whether the password is, or is built on, the person's email or name: containing the email, equal
 * to its local part or to the name (case-insensitive, spaces ignored for the name), or containing
 * the local part when that has at least 4 characters. */
export function containsPersonalInfo(password: string, person: { email?: string | null; name?: string | null }): boolean {
  const pw = norm(password);
  const email = norm(person.email ?? "");
  const local = email.includes("@") ? email.slice(0, email.lastIndexOf("@")) : email;
  if (email && (pw === local || pw.includes(email))) return true;
  if (local.length >= 4 && pw.includes(local)) return true;
  const name = norm(person.name ?? "");
  const squash = (s: string) => s.replace(/\s+/g, "");
  return name.length > 0 && squash(pw) === squash(name);
}

/** Too few different characters ("aaaaaaaaaa", "ababababab"): as guessable as any list entry. */
export const isRepetitive = (password: string) => new Set(norm(password)).size < 4;
