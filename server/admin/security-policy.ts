// The security settings an admin chooses (one row, id 1; absent means every default): whether the
// create-ticket form asks for the CAPTCHA too (off by default; registration, forgot password and
// sign-ins under pressure always ask, unless the server runs with CAPTCHA=off), and whether the help
// centre is for signed-in people only (off by default: anyone may read it).
import type { Db, Tx } from "../db";

export interface SecurityPolicy {
  ticketCaptcha: boolean;
  helpRequiresSignIn: boolean;
}

export const defaultSecurityPolicy: SecurityPolicy = { ticketCaptcha: false, helpRequiresSignIn: false };

const policyOf = (row: SecurityPolicy): SecurityPolicy => ({
  ticketCaptcha: row.ticketCaptcha,
  helpRequiresSignIn: row.helpRequiresSignIn,
});

export async function loadSecurityPolicy(db: Db | Tx): Promise<SecurityPolicy> {
  const row = await db.securityPolicy.findUnique({ where: { id: 1 } });
  return row ? policyOf(row) : defaultSecurityPolicy;
}

/** Changes the settings given; the others keep their value. */
export async function saveSecurityPolicy(db: Db, policy: Partial<SecurityPolicy>): Promise<SecurityPolicy> {
  const row = await db.securityPolicy.upsert({
    where: { id: 1 },
    create: { id: 1, ...defaultSecurityPolicy, ...policy },
    update: policy,
  });
  return policyOf(row);
}
