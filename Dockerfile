# The GraphQL server, talking to the Neo4j named by NEO4J_URI (see docker-compose.yml).
# No Java here: the embedded Neo4j is only used when NEO4J_URI is unset.

# Build stage: all dependencies, to bundle the GraphiQL playground from npm (playground/build.ts).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY playground ./playground
RUN npm run build:playground

# The image: production dependencies only, and the built playground.
FROM node:20-bookworm-slim
WORKDIR /app
RUN chown node:node /app
USER node

COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

COPY --chown=node:node . .
COPY --chown=node:node --from=build /app/playground/dist ./playground/dist

# Introspection stays on in production (INTROSPECTION=false turns it off): the API is public and
# read-only, and Apollo Sandbox and GraphiQL show its schema as documentation.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
EXPOSE 4000

CMD ["npx","tsx","src/main.ts"]
