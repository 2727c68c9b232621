import { describe, expect, it } from 'vitest'
import { rewriteFrom } from '../bed/from-rewrite.js'

/** The bed's Gmail imitation must behave like Gmail for the alias tests to mean anything. */
describe('the bed’s Gmail-like From rewrite', () => {
  const message = (from: string): Buffer =>
    Buffer.from(`${from}\r\nTo: gina@example.test\r\nSubject: hi\r\n\r\nbody\r\nFrom: not a header\r\n`)

  it('replaces a From outside the allowed list and keeps the original in X-Google-Original-From', () => {
    const out = rewriteFrom(message('From: "Gina Sales" <sales@example.test>'), 'gina@example.test', [
      'gina@example.test',
    ]).toString()
    expect(out).toContain(
      'From: gina@example.test\r\nX-Google-Original-From: "Gina Sales" <sales@example.test>\r\nTo: ',
    )
    expect(out.startsWith('From: gina@example.test')).toBe(true)
    expect(out).toContain('\r\n\r\nbody\r\nFrom: not a header')
  })

  it('leaves an allowed From alone (case-insensitive), and a folded header is read whole', () => {
    const allowed = message('From: Gina <GINA@example.test>')
    expect(rewriteFrom(allowed, 'gina@example.test', ['gina@example.test']).equals(allowed)).toBe(true)
    const folded = rewriteFrom(message('From: Long Name\r\n <other@example.test>'), 'gina@example.test', []).toString()
    expect(folded).toContain('X-Google-Original-From: Long Name <other@example.test>')
  })
})
