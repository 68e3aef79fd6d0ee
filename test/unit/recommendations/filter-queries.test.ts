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

  it('starts from the full-text index of every language, and the standard one for the rest', () => {
    const { cypher, params } = buildCountStatement(
      toQuery({ text: 'torture A/HRC/28/15', responses: ['NOTED'] }),
    );
    expect(cypher).toMatchInlineSnapshot(`
      "CALL () {
        CALL db.index.fulltext.queryNodes('recommendation_text_en', $param0) YIELD node AS this0
        RETURN this0
        UNION ALL
        CALL db.index.fulltext.queryNodes('recommendation_text_es', $param0) YIELD node AS this0
        RETURN this0
        UNION ALL
        CALL db.index.fulltext.queryNodes('recommendation_text_fr', $param0) YIELD node AS this0
        RETURN this0
        UNION ALL
        CALL db.index.fulltext.queryNodes('recommendation_text', $param0) YIELD node AS this0
        WITH this0
        WHERE NOT (this0:TextEn OR this0:TextEs OR this0:TextFr)
        RETURN this0
      }
      WITH this0
      WHERE this0.response IN $param1
      RETURN count(this0) AS count"
    `);
    expect(params).toEqual({ param0: 'torture "A/HRC/28/15"', param1: ['NOTED'] });
  });

  it('searches only the indexes of the languages asked for, and filters by language without text', () => {
    const searched = buildCountStatement(toQuery({ text: 'mujer', languages: ['ES', 'pt'] }));
    expect(searched.cypher).toMatchInlineSnapshot(`
      "CALL () {
        CALL db.index.fulltext.queryNodes('recommendation_text_es', $param0) YIELD node AS this0
        RETURN this0
        UNION ALL
        CALL db.index.fulltext.queryNodes('recommendation_text', $param0) YIELD node AS this0
        WITH this0
        WHERE this0.language IN $param1
        RETURN this0
      }
      WITH this0
      RETURN count(this0) AS count"
    `);
    expect(searched.params).toEqual({ param0: 'mujer', param1: ['pt'] });
    const filtered = buildCountStatement(toQuery({ languages: ['es'] }));
    expect(filtered.cypher).toMatchInlineSnapshot(`
      "MATCH (this0:Recommendation)
      WHERE this0.language IN $param0
      WITH this0
      RETURN count(this0) AS count"
    `);
    expect(filtered.params).toEqual({ param0: ['es'] });
  });

  it('rejects invalid filters with the field named', () => {
    expect(() => toQuery({ states: ['Slovenia'] })).toThrow(InvalidInputError);
    expect(() => toQuery({ sdgTargets: ['5'] })).toThrow(/filter.sdgTargets/);
    expect(() => toQuery({ years: { from: 2020, to: 2000 } })).toThrow(
      /years.from must not be after/,
    );
    expect(() => toQuery({ languages: ['spa'] })).toThrow(/filter.languages/);
    expect(toQuery({ text: '24(b' }).text).toBe('"24(b"');
    expect(() => toQuery({ text: '" ( ) *' })).toThrow(/filter.text: text has no word/);
  });
});
