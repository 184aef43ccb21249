# The GraphQL server, talking to the Neo4j named by NEO4J_URI (see docker-compose.yml).
# No Java here: the embedded Neo4j is only used when NEO4J_URI is unset.
FROM node:20-bookworm-slim

WORKDIR /app
RUN chown node:node /app
USER node

COPY --chown=node:node package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY --chown=node:node . .

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
EXPOSE 4000

CMD ["npx","tsx","src/main.ts"]
