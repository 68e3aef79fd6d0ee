# The recgraph API for docker-compose.yml: it talks to the Neo4j service through NEO4J_URI, so the
# embedded launcher (and Java) is not needed in this image.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# tsx runs the TypeScript sources directly; dev tools (tests, lint) are left out.
RUN npm ci --omit=dev && npm cache clean --force
COPY bin ./bin
COPY src ./src
COPY cypher ./cypher
COPY reference ./reference
COPY demo ./demo
COPY schema ./schema
COPY tsconfig.json ./
USER node
EXPOSE 4000
# As npm start: a 64 MiB young generation (docs/operations.md).
CMD ["node", "--max-semi-space-size=64", "--import", "tsx", "src/main.ts"]
