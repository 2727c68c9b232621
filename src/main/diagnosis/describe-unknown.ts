import type { DescribeContext, Description } from './describe-context.js'
import { replyFacts } from './reply-facts.js'

/**
 * No rule recognised the failure. After a test, the server's words and the test's details are on screen
 * to copy. A pasted message had no test behind it, so there is nothing to copy: it says what the message
 * itself tells (its protocol, its code's class) and points to the step that learns more, a real test of
 * the account.
 */
export function describeUnknown(ctx: DescribeContext): Description {
  const known = replyFacts(ctx.input).sentences
  if (ctx.input.origin === 'pasted') {
    const told = known.length
      ? known.join(' ')
      : 'It names no protocol and no code that Mailkey knows, so it says little on its own.'
    return {
      title: 'Mailkey does not recognise this message',
      explanation: `${told} It says too little to name the cause; what the account’s servers answer to a real test does.`,
      fix: { kind: 'none', label: 'Test the account for real to see what its servers answer now' },
    }
  }
  return {
    title: 'The test failed for a reason Mailkey does not recognise',
    explanation: [
      ...known,
      'The server’s own words are below. Copy the details if you ask your provider for help.',
    ].join(' '),
    fix: { kind: 'none', label: 'Copy the details for support' },
  }
}
