import { readFileSync, statSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/** Every picture and local link the README shows is in the repository, and a picture is a real PNG. */
describe('README', () => {
  const text = readFileSync('README.md', 'utf8')
  const targets = [...text.matchAll(/\]\((?!https?:|#)([^)\s]+)\)/g)].map((m) => m[1] ?? '')

  it('links only to files that exist', () => {
    expect(targets.length).toBeGreaterThan(5)
    const missing = targets.filter((t) => {
      try {
        return !statSync(t).isFile()
      } catch {
        return true
      }
    })
    expect(missing).toEqual([])
  })

  it('shows screenshots that are PNG images of a window’s size', () => {
    const shots = targets.filter((t) => t.startsWith('docs/screenshots/'))
    expect(shots.length).toBeGreaterThanOrEqual(10)
    for (const shot of shots) {
      const png = readFileSync(shot)
      expect(png.subarray(1, 4).toString('latin1'), shot).toBe('PNG')
      // IHDR: width and height, big-endian, at bytes 16 and 20
      expect(png.readUInt32BE(16), shot).toBeGreaterThanOrEqual(600)
      expect(png.readUInt32BE(20), shot).toBeGreaterThanOrEqual(400)
    }
  })
})
