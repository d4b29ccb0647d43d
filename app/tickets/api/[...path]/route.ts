// The REST API of seed 003 under /tickets/api/ (server/rest/handle.ts).
import { handleRest } from "../../../../server/rest/handle";

export const dynamic = "force-dynamic";

const handler = (request: Request) => handleRest(request);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
