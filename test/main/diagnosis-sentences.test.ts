import { describe, expect, it } from 'vitest'
import { describe as describeCause } from '../../src/main/diagnosis/describe.js'
import type { DiagnosisInput } from '../../src/main/diagnosis/input.js'
import { CAUSES } from '../../src/shared/diagnosis.js'
import type { ProviderId } from '../../src/shared/providers.js'

/**
 * Every generated sentence, for every cause in every context: each starts with a capital, a host name
 * is never re-cased ("Localhost port 993 …" was one), and joins leave no doubled or dangling
 * punctuation and no empty slots.
 */
const CERT = {
  subject: 'CN=localhost',
  issuer: 'CN=Private CA',
  validFrom: '2024-01-01T00:00:00.000Z',
  validTo: '2024-12-31T00:00:00.000Z',
  fingerprint256: 'AB:CD',
  altNames: ['localhost'],
  spki: 'sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=',
}

const contexts: DiagnosisInput[] = []
for (const providerId of [null, 'gmail', 'microsoft-365', 'outlook', 'zoho', 'icloud'] as (ProviderId | null)[])
  for (const where of [{}, { host: 'localhost', port: 993, security: 'tls' as const }, { host: 'mail.Example.org' }])
    for (const extra of [
      {},
      { hasSavedSecret: true },
      { certificate: CERT },
      { email: 'alice@example.org', username: 'alice@example.org' },
      { protocol: 'smtp' as const, port: 25 },
    ])
      contexts.push({ text: '', providerId, ...where, ...extra })

function problems(sentence: string, input: DiagnosisInput): string[] {
  const found: string[] = []
  // a brand that starts lowercase (iCloud) is the one exception
  if (!/^(?:iCloud|[A-Z0-9“"‘])/.test(sentence)) found.push('does not start with a capital')
  // a new sentence after ". " starts with a capital too (a host name never starts one)
  for (const m of sentence.matchAll(/[.!?] +(\S+)/g))
    if (!/^(?:iCloud|[A-Z0-9“"(‘])/.test(m[1] ?? '')) found.push(`"${m[0]}"`)
  if (/ {2}|\.\.(?!\.)| [.,;:]|,,|\(\s*\)|undefined|null|\[object/.test(sentence)) found.push('a bad join')
  if (input.host && sentence.toLowerCase().includes(input.host.toLowerCase()) && !sentence.includes(input.host))
    found.push(`re-cased ${input.host}`)
  return found
}

describe('generated sentences', () => {
  it.each([...CAUSES])('%s', (cause) => {
    for (const input of contexts) {
      const { title, explanation, fix } = describeCause(cause, input)
      for (const sentence of [title, explanation, fix.label]) {
        expect(problems(sentence, input), `${JSON.stringify(input)} → ${sentence}`).toEqual([])
      }
    }
  })
})
