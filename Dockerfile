# One image for every matchday service; SERVICES picks what a container runs
# (e.g. SERVICES=v1.players). Build: docker build -t matchday .
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

FROM node:22-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 LOG_FORMAT=json
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY data data
USER node
CMD ["node", "dist/platform/node.js"]
