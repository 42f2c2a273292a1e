# The Family Centre front door as a container, for Azure Container Apps or any host.
# Keep at least one replica running: the agendas, nudges and nightly repair run inside the service, so a host that
# scales to zero stops them. Settings come from the environment (README, Configuration); it listens on 8080.

# Build: the service (tsc) and the tab (vite), with the dev dependencies they need.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY bot ./bot
COPY tab ./tab
RUN npm run build

# Runtime: the compiled app and production dependencies only, run as the unprivileged node user.
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    FC_HOST=0.0.0.0 \
    FC_PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/tab/dist ./tab/dist
USER node
EXPOSE 8080
# deploy/service-command.ts: V8's heap capped, so garbage never takes the process past its memory budget.
CMD ["node", "--max-old-space-size=192", "dist/src/server.js"]
