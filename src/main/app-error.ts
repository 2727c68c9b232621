import type { ErrorCode } from '../shared/result.js'

/** An expected failure with a stable code and a message written for the user (never a secret). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'AppError'
  }
}
