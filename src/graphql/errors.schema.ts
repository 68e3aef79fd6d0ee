import {
  type DomainError,
  DuplicateConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  VersionConflictError,
} from '../core/errors.ts';
import { builder } from './builder.ts';

/** The interface every typed error implements, so clients can always select `message`. */
export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.exposeString('code'),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity'),
    key: t.exposeString('key'),
  }),
});

builder.objectType(InvalidInputError, {
  name: 'InvalidInputError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    field: t.exposeString('field', { nullable: true }),
  }),
});

builder.objectType(ForbiddenError, {
  name: 'ForbiddenError',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(VersionConflictError, {
  name: 'VersionConflictError',
  description: 'The object changed since the version the client read; reload and retry.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity'),
    key: t.exposeString('key'),
    expectedVersion: t.exposeInt('expectedVersion'),
    currentVersion: t.exposeInt('currentVersion'),
  }),
});

builder.objectType(DuplicateConflictError, {
  name: 'DuplicateError',
  description: 'An object with the same unique key exists already.',
  interfaces: [ErrorInterface],
  fields: () => ({}),
});
