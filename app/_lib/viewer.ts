// Server-side access for pages: a tRPC caller bound to this request, and the signed-in viewer.
import "server-only";
import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { redirect } from "../_i18n/navigation";
import { createCaller } from "../../server/trpc/router";
import { contextFromRequest } from "../../server/trpc/request-context";

/** A caller that reads in the page's language (the address's /en/…), as the browser's calls do with
 * x-mesa-locale: names, errors and dates follow the page, not only the profile. */
export const serverCaller = cache(async () => {
  const request = new Headers(await headers());
  request.set("x-mesa-locale", await getLocale());
  return createCaller(await contextFromRequest(request));
});

export type Viewer = Awaited<ReturnType<Awaited<ReturnType<typeof serverCaller>>["profile"]["get"]>>;

export const getViewer = cache(async (): Promise<Viewer | null> => {
  try {
    return await (await serverCaller()).profile.get();
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") return null;
    throw error;
  }
});

export async function requireViewer(locale: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) return redirect({ href: "/login", locale });
  return viewer;
}

/** For the agent area. Layout and page render in parallel, so each must check: a page cannot rely on
 * its layout's redirect having happened first. */
export async function requireStaff(locale: string): Promise<Viewer> {
  const viewer = await requireViewer(locale);
  if (!viewer.isStaff) return redirect({ href: homePath(viewer), locale });
  return viewer;
}

/** For the admin area (same reasoning as requireStaff): anyone else is sent to their own home. */
export async function requireAdmin(locale: string): Promise<Viewer> {
  const viewer = await requireViewer(locale);
  if (viewer.role !== "admin") return redirect({ href: homePath(viewer), locale });
  return viewer;
}

/** Where a person lands after signing in. */
export const homePath = (viewer: Viewer) => (viewer.isStaff ? "/agent" : viewer.canAccessTicketing ? "/tickets" : "/profile");
