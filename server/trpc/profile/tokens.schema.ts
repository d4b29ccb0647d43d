// Personal access tokens of the REST API (Perfil → Tokens de acceso).
import { z } from "zod";
import { dateField, idField, lineField } from "../../validation/fields";
import { id } from "../outputs";

export const createTokenInput = z.object({
  name: lineField(100),
  scope: z.enum(["read", "read_write"], { error: "Validation.invalid" }),
  /** A day (YYYY-MM-DD, the end of it in the person's zone is close enough: UTC end of day) or none. */
  expiresAt: dateField.nullable().default(null),
});
export const revokeTokenInput = z.object({ id: idField });

export const tokenRowOutput = z.object({
  id,
  name: z.string(),
  scope: z.enum(["read", "read_write"]),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});
export const tokenListOutput = z.array(tokenRowOutput);
/** The token itself, this once. */
export const createdTokenOutput = z.object({ id, token: z.string() });
