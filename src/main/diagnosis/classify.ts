import type { Cause } from '../../shared/diagnosis.js'
import { factsOf, type Rule } from './facts.js'
import type { DiagnosisInput } from './input.js'
import { ACCOUNT_RULES, CREDENTIALS_RULE } from './rules/account.js'
import { CONNECTION_LIMIT_RULE, LIMIT_RULES } from './rules/limits.js'
import { NETWORK_RULES, TEMPORARY_RULE } from './rules/network.js'
import { OFFICE_RULES } from './rules/office.js'
import { SESSION_RULES, TRANSACTION_RULES } from './rules/smtp.js'
import { CERTIFICATE_RULES, TLS_MODE_RULE } from './rules/tls.js'

/**
 * The order is the policy: a server's reply often carries several hints (a 535 code and "app password",
 * an XOAUTH2 exchange and "too many connections"), and the most specific one names the cause. So: exact
 * TLS facts, then named account states, limits, session requirements, a bare login failure, the mail
 * transaction, and the network, with "try again later" last.
 */
const RULES: readonly Rule[] = [
  ...OFFICE_RULES,
  ...CERTIFICATE_RULES,
  TLS_MODE_RULE,
  CONNECTION_LIMIT_RULE,
  ...ACCOUNT_RULES,
  ...LIMIT_RULES,
  ...SESSION_RULES,
  CREDENTIALS_RULE,
  ...TRANSACTION_RULES,
  ...NETWORK_RULES,
  TEMPORARY_RULE,
]

/** Maps a failure to exactly one cause from the vocabulary. */
export function classify(input: DiagnosisInput): Cause {
  const facts = factsOf(input)
  return RULES.find((r) => r.when(facts))?.cause ?? 'unknown'
}
