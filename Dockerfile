# syntax=docker/dockerfile:1
# Build stage: compile TypeScript with the dev dependencies.
FROM node:20.18-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
COPY bin ./bin
# The build runs the CLI over the sample hub to make its V8 code cache (scripts/build-cached-cli.mjs).
COPY test/fixtures/hub-sample ./test/fixtures/hub-sample
RUN npm ci --no-audit --no-fund

# Runtime stage: production dependencies and the compiled code only, as a non-root user.
FROM node:20.18-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY app.yml ./
USER node
ENV HOST=0.0.0.0 PORT=3000
EXPOSE 3000
# By default the image runs the webhook server (set APP_ID, PRIVATE_KEY, WEBHOOK_SECRET).
# Any other command works too, e.g. `docker run --rm -v "$PWD:/hub" mshub-review validate /hub`.
ENTRYPOINT ["node", "bin/mshub-review.js"]
CMD ["serve"]
