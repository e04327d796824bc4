# One image per matchday service, holding that service's folder and the shared code it imports
# (contracts, domain, storage, mixins, platform), not any other service's code. The build
# argument SERVICE names what the image runs, as SERVICES does (api, v1.sync, v1.players, …):
#   docker build --build-arg SERVICE=v1.players -t matchday/v1-players .
# docker-compose.yml builds one for each node group.

# Build: compile the shared code and the one service folder, with the dev dependencies.
FROM node:22-slim AS build
ARG SERVICE
# Fail the build, not the container, when SERVICE is missing.
RUN test -n "$SERVICE" || (echo "Build with --build-arg SERVICE=<service>, e.g. v1.players" >&2; exit 1)
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json moleculer.config.ts ./
COPY contracts contracts
COPY domain domain
COPY storage storage
COPY mixins mixins
COPY platform platform
COPY services services
# The service's folder is its name without the version (v1.players → services/players). Every
# other folder goes before compiling: a service that imported another's code would fail here.
RUN folder="$(echo "$SERVICE" | sed -E 's/^v[0-9]+\.//')" \
 && test -d "services/$folder" || (echo "No folder services/$folder for SERVICE=$SERVICE" >&2; exit 1)
RUN folder="$(echo "$SERVICE" | sed -E 's/^v[0-9]+\.//')" \
 && find services -mindepth 1 -maxdepth 1 -type d ! -name "$folder" -exec rm -rf {} + \
 && npx tsc -p tsconfig.build.json \
 && (cd services && find . -path '*/public/*' -type f -exec cp --parents {} ../dist/services/ \;)

# Production dependencies only, installed apart so the runtime stage copies no build tools.
FROM node:22-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM node:22-slim AS runtime
ARG SERVICE
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
