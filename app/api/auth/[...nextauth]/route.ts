import NextAuth from "next-auth";
import { authOptions } from "../../../../server/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };
// Options are built per request: they read the configuration server/main.ts resolved at start.
const handler = (req: Request, context: RouteContext) => NextAuth(req as never, context as never, authOptions(req.headers));

export { handler as GET, handler as POST };
