// The help pages' reads: a refusal because the help centre needs a sign-in (SecurityPolicy.
// helpRequiresSignIn) sends the reader to sign in and back; an article that is not published is a 404.
import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { redirect } from "../../_i18n/navigation";
import { signInThenBack } from "../../_lib/return-to";

export async function helpRead<T>(locale: string, path: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") return redirect({ href: signInThenBack(`/${locale}${path}`), locale });
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}
