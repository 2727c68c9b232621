import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'

/**
 * The built CLI loads a command's code when it runs, and the mail libraries only when a server is talked
 * to: what each command imports statically (the modules loaded before it does anything) holds no
 * protocol library, no schema library and no settings store where the command needs none. The CPU
 * figures themselves come from `npm run bench`.
 */
const OUT = 'out/main'
const HEAVY = ['imapflow', 'nodemailer', 'zod', 'conf', 'keytar']

function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8')
  return [...code.matchAll(/^(?:import|export)\s[^;]*?\bfrom\s+"([^"]+)"|^import\s+"([^"]+)"/gm)].map(
    (m) => m[1] ?? m[2] ?? '',
  )
}

/** Every package reached from `file` through static imports (dynamic import() is not followed). */
function staticPackages(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>()
  if (seen.has(file)) return packages
  seen.add(file)
  for (const spec of staticImports(file)) {
    if (spec.startsWith('.')) {
      for (const p of staticPackages(join(file, '..', spec), seen)) packages.add(p)
    } else if (!spec.startsWith('node:')) {
      packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec))
    }
  }
  return packages
}

function chunk(prefix: string): string {
  const name = readdirSync(join(OUT, 'chunks')).find((f) => f.startsWith(`${prefix}-`))
  if (!name) throw new Error(`no chunk ${prefix} in ${OUT}/chunks`)
  return join(OUT, 'chunks', name)
}

beforeAll(() => {
  if (!existsSync(join(OUT, 'cli.js'))) throw new Error('the CLI is not built: run `npm run build` first')
})

describe('what a CLI command loads before it starts', () => {
  it('the entry (every command, --help): nothing heavy', () => {
    expect([...staticPackages(join(OUT, 'cli.js'))].filter((p) => HEAVY.includes(p))).toEqual([])
  })

  it.each([
    ['diagnose', 'diagnose-command', []],
    ['alias (list, export: no store, no schemas)', 'alias-command', ['keytar']],
    ['credentials (list, check)', 'credentials-command', ['keytar']],
    ['test (the probes load as a server is tested)', 'test-command', ['zod']],
  ] as const)('%s', (_name, prefix, allowed) => {
    const heavy = [...staticPackages(chunk(prefix))].filter((p) => HEAVY.includes(p))
    expect(heavy.filter((p) => !(allowed as readonly string[]).includes(p))).toEqual([])
  })
})
