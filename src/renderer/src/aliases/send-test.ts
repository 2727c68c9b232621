import type { SendTestResult } from '../../../shared/ipc/contract.js'
import { EmailSchema } from '../../../shared/mail.js'

/** "Send a test email to…": any address, from the account or one of its aliases. */
export interface SendTest {
  to: string
  /** Sent from this alias; null: from the account's own address. */
  aliasId: string | null
  /** Send was pressed: a problem with the address is shown from now on. */
  showProblems: boolean
  outcome:
    | { status: 'idle' }
    | { status: 'sending' }
    /** `to`: where it went, kept apart from the field, which the user may already be changing. */
    | { status: 'done'; to: string; result: SendTestResult }
    | { status: 'error'; message: string }
}

export function newSendTest(aliasId: string | null): SendTest {
  return { to: '', aliasId, showProblems: false, outcome: { status: 'idle' } }
}

/** What is wrong with the recipient, in main's words, or null. */
export function recipientProblem(to: string): string | null {
  if (!to.trim()) return 'Enter the address to send to.'
  const parsed = EmailSchema.safeParse(to)
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Check the address.')
}
