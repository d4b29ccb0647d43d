// POST /api/token/refresh/: a new token pair for a refresh token (server/rest/token-endpoints.ts).
import { refreshTokens } from "../../../../server/rest/token-endpoints";

export const dynamic = "force-dynamic";
export const POST = (request: Request) => refreshTokens(request);
