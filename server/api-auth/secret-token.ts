// Random bearer secrets and the only form in which they are stored: their sha256.
import { createHash, randomBytes } from "node:crypto";

export const newSecret = (prefix: "mesa_pat_" | "mesa_rt_") => prefix + randomBytes(32).toString("base64url");
export const hashOf = (secret: string) => createHash("sha256").update(secret).digest("hex");
