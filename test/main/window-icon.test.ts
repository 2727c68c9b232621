import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { windowIconPath } from '../../src/main/window-icon.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
// the built main bundle's folder, as package.json names it (out/main)
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string }
const mainDir = dirname(resolve(root, pkg.main))

describe('the window icon', () => {
  it('on Linux is resources/icon.png at the app root, seen from the built main bundle', () => {
    const icon = windowIconPath(mainDir, 'linux')
    expect(icon).toBe(join(root, 'resources', 'icon.png'))
    expect(existsSync(icon!)).toBe(true)
  })

  it('inside a packaged app stays inside the archive, beside out/', () => {
    const mainInAsar = join('/opt/Mailkey/resources/app.asar', 'out', 'main')
    expect(windowIconPath(mainInAsar, 'linux')).toBe(join('/opt/Mailkey/resources/app.asar', 'resources', 'icon.png'))
  })

  it.each(['darwin', 'win32'] as const)('on %s is left to the packaged app', (platform) => {
    expect(windowIconPath(mainDir, platform)).toBeUndefined()
  })
})
