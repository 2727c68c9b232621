/**
 * What every IPC handler returns: handlers never throw across the bridge (only `message` would survive
 * a throw, VS Code's ipcMain notes), so failures travel as data with a stable code.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'FORBIDDEN',
  'NOT_FOUND',
  'CANCELLED',
  'KEYCHAIN_UNAVAILABLE',
  'INTERNAL',
  /** A saved secret was asked for with servers it was not saved for: the password must be typed again. */
  'PASSWORD_REQUIRED',
  /** A discovered host needs the user's confirmation before a password goes there (the trust gate). */
  'CONFIRM_HOST',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppErrorData {
  code: ErrorCode
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`)
}
