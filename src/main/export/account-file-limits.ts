import type { ImportProblem } from '../../shared/export.js'

/**
 * The accounts file's tag, version and size limit, apart from its schema so `mailkey import` can refuse
 * an oversized file by its size on disk without loading zod (test/main/cli-startup.test.ts).
 */

/** The `format` tag of Mailkey's own accounts file. */
export const ACCOUNT_FILE_FORMAT = 'mailkey-accounts'
/** The newest version this build writes and reads; a newer file is refused, never half-read. */
export const ACCOUNT_FILE_VERSION = 1
/** Bigger files are refused before they are read or parsed (500 accounts of settings fit in ~1 MB). */
export const ACCOUNT_FILE_MAX_BYTES = 2 * 1024 * 1024

/** The problem for a file of `bytes` over the limit, the same words for a string and a file on disk. */
export function sizeProblem(bytes: number): ImportProblem {
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`
  return {
    path: '',
    message: `This file is ${mb(bytes)}; a Mailkey accounts file is at most ${mb(ACCOUNT_FILE_MAX_BYTES)}. Nothing was read.`,
  }
}
