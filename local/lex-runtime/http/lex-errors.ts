/**
 * The Lex V2 runtime errors the local runtime answers with, as AWS sends them (restJson1): the HTTP
 * status, an `x-amzn-ErrorType` header naming the exception, and a JSON body `{ "message": … }`.
 * The SDK client turns them into its own `ValidationException`, `ResourceNotFoundException`, ….
 */
import { ChatOpsError, type ErrorCode } from '../../../kernel/errors';

export type LexErrorType =
  | 'ValidationException'
  | 'ResourceNotFoundException'
  | 'ConflictException'
  | 'DependencyFailedException'
  | 'InternalServerException';

const STATUS: Record<LexErrorType, number> = {
  ValidationException: 400,
  ResourceNotFoundException: 404,
  ConflictException: 409,
  DependencyFailedException: 424,
  InternalServerException: 500,
};

/** Our code for each error type: `LEX_` + the exception name without `Exception`, upper case. */
const CODE: Record<LexErrorType, ErrorCode> = {
  ValidationException: 'LEX_VALIDATION',
  ResourceNotFoundException: 'LEX_RESOURCENOTFOUND',
  ConflictException: 'LEX_CONFLICT',
  DependencyFailedException: 'LEX_DEPENDENCYFAILED',
  InternalServerException: 'LEX_INTERNALSERVER',
};

/** An error returned to the client with Lex's status and error type. */
export class LexRuntimeError extends ChatOpsError {
  readonly httpStatus: number;

  constructor(
    readonly errorType: LexErrorType,
    message: string,
  ) {
    super(CODE[errorType], message, { errorType });
    this.httpStatus = STATUS[errorType];
  }
}

/** A request parameter breaks a documented constraint (AWS's "1 validation error detected" wording). */
export function validationError(field: string, constraint: string, value?: string): LexRuntimeError {
  const shown = value === undefined ? '' : ` '${value.length > 120 ? `${value.slice(0, 120)}…` : value}'`;
  return new LexRuntimeError(
    'ValidationException',
    `1 validation error detected: Value${shown} at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}

/** The bot, alias, locale or session named in the path does not exist. */
export function notFound(what: string): LexRuntimeError {
  return new LexRuntimeError('ResourceNotFoundException', `${what} not found.`);
}
