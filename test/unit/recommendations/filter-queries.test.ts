import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import {
  buildCountStatement,
  buildPageStatement,
} from '../../../src/features/recommendations/recommendation.repository.ts';
import { toQuery } from '../../../src/features/recommendations/recommendation.service.ts';
import { InvalidInputError } from '../../../src/core/errors.ts';
import { pageRequest } from '../../../src/core/pagination.ts';

describe('recommendation filter queries', () => {
  it('builds an index-backed page query with every value as a parameter', () => {
    const query = toQuery({ states: ['svn'], cycles: [3], themes: ['A12'], years: { from: 2019 } });
    const { cypher, params } = buildPageStatement(query, pageRequest({ first: 10 }));
    expect(cypher).toMatchInlineSnapshot(`
      "MATCH (this0:Recommendation)
      WHERE (this0.state IN $param0 AND this0.cycle IN $param1 AND this0.year >= $param2 AND EXISTS {
        MATCH (this0)-[:HAS_THEME]->(this1:Theme)
        WHERE this1.code IN $param3
      })
      WITH this0
      RETURN this0 {.*, date: toString(this0.date)} AS recommendation
      ORDER BY this0.id ASC
      LIMIT $param4"
    `);
    expect(params).toEqual({
      param0: ['SVN'],
      param1: [neo4j.int(3)],
      param2: neo4j.int(2019),
      param3: ['A12'],
      param4: neo4j.int(11),
    });
  });

  it('starts from the full-text index when text is given', () => {
    const { cypher, params } = buildCountStatement(
      toQuery({ text: 'torture', responses: ['NOTED'] }),
    );
    expect(cypher).toMatchInlineSnapshot(`
      "CALL db.index.fulltext.queryNodes('recommendation_text', $param0) YIELD node AS this0
      WITH this0
      WHERE this0.response IN $param1
      RETURN count(this0) AS count"
    `);
    expect(params).toEqual({ param0: 'torture', param1: ['NOTED'] });
  });

  it('rejects invalid filters with the field named', () => {
    expect(() => toQuery({ states: ['Slovenia'] })).toThrow(InvalidInputError);
    expect(() => toQuery({ sdgTargets: ['5'] })).toThrow(/filter.sdgTargets/);
    expect(() => toQuery({ years: { from: 2020, to: 2000 } })).toThrow(
      /years.from must not be after/,
    );
  });
});
