/**
 * The Pothos builder: plugins and scalars only; types live in each feature's *.schema.ts.
 */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Context } from './context.ts';
import { ForbiddenError, InvalidInputError } from '../core/errors.ts';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: {
    /** Everyone, signed in or not. Roles arrive with authentication. */
    public: boolean;
  };
  /** Every connection reports how many items match, counted only when a client asks. */
  Connection: { totalCount: () => Promise<number> };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    Date: { Input: string; Output: string };
  };
}>({
  // scope-auth must come first so that it wraps the other plugins' resolvers.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, DataloaderPlugin, ValidationPlugin],
  // Fields are non-null unless declared nullable, so clients can rely on the SDL.
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: () => ({ public: true }),
    unauthorizedError: () => new ForbiddenError(),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    // Readable global IDs ("State:SVN", "Recommendation:A/HRC/28/15#115.1"); clients still treat
    // them as opaque, but a person reading logs or URLs can tell what they point to.
    encodeGlobalID: (typename, id) => `${typename}:${String(id)}`,
    decodeGlobalID: (globalID) => {
      const colon = globalID.indexOf(':');
      if (colon < 1) throw new InvalidGlobalIdError(globalID);
      return { typename: globalID.slice(0, colon), id: globalID.slice(colon + 1) };
    },
  },
  errors: { defaultTypes: [] },
});

/** An ID argument that no recgraph object could have: bad input, answered as INVALID_INPUT. */
class InvalidGlobalIdError extends InvalidInputError {
  constructor(globalID: string) {
    super(
      `${JSON.stringify(globalID)} is not a recgraph ID (they read "Type:key", e.g. "State:SVN")`,
    );
    this.name = 'InvalidGlobalIdError';
  }
}

builder.queryType({});
builder.mutationType({});

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many items match, across all pages.',
    resolve: (connection) => connection.totalCount(),
  }),
);
