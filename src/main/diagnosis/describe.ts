import type { Cause } from '../../shared/diagnosis.js'
import { ACCESS_DESCRIBERS } from './describe-access.js'
import { contextOf, type Describer, type Description } from './describe-context.js'
import { duringAuthorizing, OAUTH_DESCRIBERS } from './describe-oauth.js'
import { OFFICE_DESCRIBERS, pinMismatch } from './describe-office.js'
import { TRANSPORT_DESCRIBERS } from './describe-transport.js'
import type { DiagnosisInput } from './input.js'

export type { Description } from './describe-context.js'

const DESCRIBERS: Record<Cause, Describer> = {
  ...ACCESS_DESCRIBERS,
  ...TRANSPORT_DESCRIBERS,
  ...OAUTH_DESCRIBERS,
  ...OFFICE_DESCRIBERS,
}

/** Title, explanation and fix for a cause, in plain words, with the provider's specifics where known. */
export function describe(cause: Cause, input: DiagnosisInput): Description {
  const pinned = pinMismatch(input)
  if (pinned) return pinned
  const ctx = contextOf(input)
  const d = DESCRIBERS[cause](ctx)
  return input.stage === 'authorizing' ? duringAuthorizing(cause, ctx, d) : d
}
