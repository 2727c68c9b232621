import type { LookupOutcome } from '../../shared/discovery.js'

/**
 * A lookup that ended without settings, with the outcome and a plain-words detail for the user
 * ("autoconfig.example.com redirected to evil.example: not followed").
 */
export class LookupError extends Error {
  constructor(
    readonly outcome: Extract<LookupOutcome, 'failed' | 'timeout' | 'nothing'>,
    readonly detail: string,
  ) {
    super(detail)
    this.name = 'LookupError'
  }
}
