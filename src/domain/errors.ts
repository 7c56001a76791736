/** Error codes shared by every cloud function envelope (see docs/contract.md). */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'DEADLINE_PASSED'
  | 'NOT_EVENT_DAY'
  | 'KEYWORD_MISSING'
  | 'PHOTO_REQUIRED'
  | 'CONTENT_REJECTED'
  | 'CALENDAR_UNAVAILABLE'
  | 'INTERNAL';

export const ERROR_CODES: readonly ErrorCode[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONFLICT',
  'DEADLINE_PASSED',
  'NOT_EVENT_DAY',
  'KEYWORD_MISSING',
  'PHOTO_REQUIRED',
  'CONTENT_REJECTED',
  'CALENDAR_UNAVAILABLE',
  'INTERNAL',
];

/**
 * A refusal the caller can act on. `message` is Chinese and says what to do next;
 * `details` carries machine-readable facts (bad fields, earliest date, year…).
 */
export class BusinessError extends Error {
  constructor(
    public code: ErrorCode,
    message: string,
    public details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'BusinessError';
    // Compiled to ES5-style classes, Error subclasses lose their prototype; keep instanceof working.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function isBusinessError(e: unknown): e is BusinessError {
  return e instanceof BusinessError;
}
