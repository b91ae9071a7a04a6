// @ts-check
// Security headers for every response. The Content-Security-Policy (with a
// per-request script nonce) and HSTS (which depends on APP_URL at run time)
// are set in proxy.ts, since this file is read at build time.
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The container image (Dockerfile) builds with NEXT_OUTPUT=standalone: a self-contained
  // server.js with only the files it needs. Not for `npm start`, whose `next start` warns that
  // it does not serve a standalone build.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" } : {}),
  // forbidden() renders app/forbidden.tsx with HTTP 403.
  experimental: { authInterrupts: true },
  // `npm run typecheck` (part of `npm test`) checks types; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["@libsql/client", "pg", "bcryptjs"],
  // The password thread (lib/auth/password-thread.ts) loads bcryptjs by name at run time, which
  // file tracing cannot see: the standalone output must carry it anyway.
  outputFileTracingIncludes: {
    "/**": ["./node_modules/bcryptjs/package.json", "./node_modules/bcryptjs/umd/**"],
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
