// The security settings an admin chooses (one row, id 1; absent means every default). For now one:
// whether the create-ticket form asks for the CAPTCHA too (off by default). Registration, forgot
// password and sign-ins under pressure always ask, unless the server runs with CAPTCHA=off.
import type { Db, Tx } from "../db";

export interface SecurityPolicy {
  ticketCaptcha: boolean;
}

export const defaultSecurityPolicy: SecurityPolicy = { ticketCaptcha: false };

export async function loadSecurityPolicy(db: Db | Tx): Promise<SecurityPolicy> {
  const row = await db.securityPolicy.findUnique({ where: { id: 1 } });
  return row ? { ticketCaptcha: row.ticketCaptcha } : defaultSecurityPolicy;
}

export async function saveSecurityPolicy(db: Db, policy: SecurityPolicy): Promise<SecurityPolicy> {
  const row = await db.securityPolicy.upsert({ where: { id: 1 }, create: { id: 1, ...policy }, update: policy });
  return { ticketCaptcha: row.ticketCaptcha };
}
