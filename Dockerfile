# Zoom Credential Wizard as a container image (README "Run with Docker").
#   docker build -t zoom-credential-wizard .
# Behind a proxy that re-signs TLS, give npm the proxy's CA (a BuildKit secret, never stored in a layer):
#   DOCKER_BUILDKIT=1 docker build --secret id=npm_ca,src=/path/to/ca.pem -t zoom-credential-wizard .
# Without a registry, build FROM a local image laid out like the official one: --build-arg BASE=….
ARG BASE=node:22-bookworm-slim

# 1. Dependencies (with the generated Prisma clients, made by the postinstall script).
FROM ${BASE} AS deps
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
COPY scripts/prisma-generate.mjs scripts/postgres-schema.mjs scripts/
RUN --mount=type=secret,id=npm_ca --mount=type=cache,target=/root/.npm \
    if [ -s /run/secrets/npm_ca ]; then export NODE_EXTRA_CA_CERTS=/run/secrets/npm_ca; fi; \
    npm ci --no-audit --no-fund --loglevel=warn

# 2. The production build: Next's standalone output, and the entry that migrates before serving.
FROM deps AS build
COPY . .
# Turbopack's build cache is kept between builds on the same machine (a BuildKit cache mount).
RUN --mount=type=cache,target=/app/.next/cache NEXT_OUTPUT=standalone npx next build \
 && npx esbuild scripts/container-start.ts --bundle --platform=node --format=esm --target=node22 \
      --external:@libsql/client --external:pg --external:next --log-level=warning \
      --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" \
      --outfile=.next/standalone/container-start.mjs

# 3. The runner: the standalone server, the static files and the migrations; no sources, no dev tools.
FROM ${BASE} AS runner
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
# The app's files stay root's and read-only to it; only /data is the app user's.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY --from=build /app/prisma/postgres/migrations ./prisma/postgres/migrations
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health`).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "container-start.mjs"]
