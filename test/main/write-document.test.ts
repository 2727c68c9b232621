import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { WriteFailed, writeDocument } from '../../src/main/export/write-document.js'

const dir = mkdtempSync(join(tmpdir(), 'mailkey-write-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const mode = (path: string): number => statSync(path).mode & 0o777

describe('writing an exported document', () => {
  it('a file with passwords replaces a world-readable one and is then readable by its owner only', async () => {
    const path = join(dir, 'accounts.json')
    writeFileSync(path, 'old and longer than the new content')
    chmodSync(path, 0o644)
    await writeDocument(path, { content: '{"secret":1}', private: true })
    expect(readFileSync(path, 'utf8')).toBe('{"secret":1}')
    expect(mode(path)).toBe(0o600)
    // nothing left beside it
    expect(readdirSync(dir)).toEqual(['accounts.json'])
  })

  it('a file without passwords is written in place, bytes as given', async () => {
    const path = join(dir, 'sheet.pdf')
    await writeDocument(path, { content: new Uint8Array([0x25, 0x50, 0x44, 0x46]) })
    expect(readFileSync(path).toString('latin1')).toBe('%PDF')
    expect(mode(path)).toBe(0o644)
  })

  it('says why it could not write, with the path, and leaves nothing behind', async () => {
    const cases: [string, RegExp][] = [
      [join(dir, 'missing', 'x.json'), /cannot write .*missing\/x\.json: that folder does not exist/],
      [dir, /is a folder, not a file/],
      [join(dir, 'accounts.json', 'x.json'), /a part of that path is a file, not a folder/],
    ]
    for (const [path, message] of cases) {
      for (const secret of [true, false]) {
        const failure = writeDocument(path, secret ? { content: 'x', private: true } : { content: 'x' })
        await expect(failure).rejects.toBeInstanceOf(WriteFailed)
        await expect(failure).rejects.toThrow(message)
      }
    }
    expect(readdirSync(dir).sort()).toEqual(['accounts.json', 'sheet.pdf'])
  })
})
