import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./app/_i18n/request.ts");

const nextConfig: NextConfig = {
  // Native or WebAssembly packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ["argon2", "@electric-sql/pglite", "pglite-prisma-adapter", "pg", "nodemailer", "socket.io", "exceljs"],
  poweredByHeader: false,
  typedRoutes: false,
  // Seed 003's REST paths end with a slash (/tickets/api/tickets/): answer them as they are, not with a 308.
  skipTrailingSlashRedirect: true,
};

export default withNextIntl(nextConfig);
