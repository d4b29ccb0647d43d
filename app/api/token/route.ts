// POST /api/token/: an access and a refresh token for the REST API (server/rest/token-endpoints.ts).
import { signInForTokens } from "../../../server/rest/token-endpoints";

export const dynamic = "force-dynamic";
export const POST = (request: Request) => signInForTokens(request);
