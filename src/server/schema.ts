/**
 * Assembles the schema: importing each feature's schema module registers its types and fields.
 */
import { builder } from '../graphql/builder.ts';
import '../graphql/scalars.ts';
import '../graphql/errors.schema.ts';
import '../features/mechanisms/index.ts';
import '../features/states/index.ts';
import '../features/themes/index.ts';
import '../features/sdgs/index.ts';
import '../features/recommendations/index.ts';
import '../features/imports/index.ts';
import '../features/jurisprudence/index.ts';
import '../features/overlaps/index.ts';
import '../features/audit/index.ts';
import '../features/follow-ups/index.ts';
import '../features/analytics/index.ts';

export const schema = builder.toSchema({ sortSchema: true });
