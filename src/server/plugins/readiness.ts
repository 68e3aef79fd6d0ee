/**
 * Readiness sits beside the GraphQL endpoint: `/ready` answers 200 while Neo4j is reachable and
 * 503 when it is not; liveness is Yoga's own `/health` (200 while the process is up). `/` sends a
 * browser to GraphiQL.
 */
import type { Driver } from 'neo4j-driver';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../core/logger.ts';

export function useReadiness({
  driver,
  database,
  logger,
}: {
  readonly driver: Driver;
  readonly database: string;
  readonly logger: Logger;
}): Plugin {
  return {
    async onRequest(request) {
      const { url, fetchAPI } = request;
      const { Response } = fetchAPI;
      const endResponse = (response: Response) => request.endResponse(response);
      const json = (body: unknown, status = 200) =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'content-type': 'application/json' },
        });
      if (url.pathname === '/ready') {
        try {
          await driver.verifyConnectivity({ database });
          endResponse(json({ status: 'ready', database }));
        } catch (error) {
          logger.warn({ err: error }, 'readiness check failed: Neo4j is not reachable');
          endResponse(json({ status: 'unavailable' }, 503));
        }
      } else if (url.pathname === '/') {
        endResponse(new Response(null, { status: 302, headers: { location: '/graphql' } }));
      }
    },
  };
}
