# One image per matchday service: the build argument SERVICE names what the image runs
# (api, v1.sync, v1.players, v1.competitions, v1.teams, v1.results, v2.results), e.g.
#   docker build --build-arg SERVICE=v1.players -t matchday/v1-players .
# docker-compose.yml builds every one of them.

# Build: compile the TypeScript with the dev dependencies.
FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json moleculer.config.ts ./
COPY contracts contracts
COPY domain domain
COPY mixins mixins
COPY platform platform
COPY services services
RUN npx tsc -p tsconfig.build.json

# Production dependencies only, installed apart so the runtime stage copies no build tools.
FROM node:22-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:22-slim AS runtime
ARG SERVICE
# Fail the build, not the container, when SERVICE is missing.
RUN test -n "$SERVICE" || (echo "Build with --build-arg SERVICE=<service>, e.g. v1.players" >&2; exit 1)
LABEL org.opencontainers.image.title="matchday ${SERVICE}" \
      org.opencontainers.image.description="matchday service ${SERVICE}: one Moleculer service per image" \
      org.opencontainers.image.licenses="MIT"
ENV NODE_ENV=production \
    SERVICES=${SERVICE} \
    HOST=0.0.0.0 \
    HEALTH_PORT=3001 \
    LOG_FORMAT=json
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The dashboard's static files, which the compiler does not copy (the gateway serves them from here).
COPY --from=build /app/services/api/dashboard/public ./dist/services/api/dashboard/public
COPY package.json ./
# Only sync reads the bundled source data; the other images leave it out.
COPY data ./data-source
RUN if [ "$SERVICE" = "v1.sync" ]; then mv data-source data; else rm -rf data-source; fi
USER node
EXPOSE 3000 3001
# /ready on HEALTH_PORT: the broker has started its services and is connected to NATS.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "dist/platform/healthcheck.js"]
# SIGTERM (docker stop) → graceful stop: in-flight calls finish, the node leaves the registry.
STOPSIGNAL SIGTERM
CMD ["node", "dist/platform/node.js"]
