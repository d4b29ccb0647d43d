import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./app/_i18n/request.ts");

const nextConfig: NextConfig = {
  // Native or WebAssembly packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ["argon2", "@electric-sql/pglite", "pglite-prisma-adapter", "pg", "nodemailer", "socket.io", "exceljs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
