/**
 * Domain errors: the failures a client can expect and act on. GraphQL fields declare them with
 * the errors plugin; anything else is masked by Yoga.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly key: string,
  ) {
    super(`${entity} ${JSON.stringify(key)} was not found`);
    this.name = 'NotFoundError';
  }
}

export class InvalidInputError extends DomainError {
  readonly code = 'INVALID_INPUT';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

export class DuplicateConflictError extends DomainError {
  readonly code = 'DUPLICATE';
  constructor(message: string) {
    super(message);
    this.name = 'DuplicateConflictError';
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'not allowed') {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** A credential was sent but is not valid (HTTP 401). */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message: string) {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** The database cannot be reached or is restarting; retrying later may succeed. */
export class DatabaseUnavailableError extends DomainError {
  readonly code = 'DATABASE_UNAVAILABLE';
  constructor(message = 'the database is not reachable') {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

/** An update was based on an older version of the object than the one stored. */
export class VersionConflictError extends DomainError {
  readonly code = 'VERSION_CONFLICT';
  constructor(
    readonly entity: string,
    readonly key: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `${entity} ${JSON.stringify(key)} is at version ${currentVersion}, not ${expectedVersion}: reload it and apply the change again`,
    );
    this.name = 'VersionConflictError';
  }
}
