import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskDomainErrors } from '../../../src/server/error-masking.ts';
import { loadConfig } from '../../../src/core/config.ts';
import { InvalidInputError, NotFoundError } from '../../../src/core/errors.ts';

describe('error masking', () => {
  it('shows domain errors with their code and hides everything else', () => {
    const domain = maskDomainErrors(
      new GraphQLError('x', { originalError: new InvalidInputError('bad year', 'years') }),
      'Unexpected error.',
    );
    expect(domain).toMatchObject({
      message: 'bad year',
      extensions: { code: 'INVALID_INPUT', field: 'years' },
    });
    expect(maskDomainErrors(new NotFoundError('State', 'XXX'), 'Unexpected error.')).toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    const internal = maskDomainErrors(
      new GraphQLError('boom', {
        originalError: new Error('Invalid input MATCH (n:Recommendation) at line 3'),
      }),
      'Unexpected error.',
    );
    expect(internal.message).toBe('Unexpected error.');
    expect(JSON.stringify(internal)).not.toMatch(/MATCH|stack/);
  });
});

describe('configuration', () => {
  it('has sensible defaults and rejects bad values naming them', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.database).toBe('neo4j');
    expect(config.neo4j.embedded.dataDir).toMatch(/data[/\\]neo4j$/);
    expect(loadConfig({ NEO4J_URI: 'neo4j+s://x.databases.neo4j.io' }).neo4j.uri).toBe(
      'neo4j+s://x.databases.neo4j.io',
    );
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ NEO4J_URI: 'not a uri' })).toThrow(/NEO4J_URI/);
  });
});
