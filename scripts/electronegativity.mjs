#!/usr/bin/env node
// Part of `npm run lint`: the Electron security scanner @doyensec/electronegativity on src/, for the
// Electron version the app ships, without the check that downloads release data (offline machines).
// The CLI exits 0 whatever it finds, so this fails on every finding that security/electronegativity-allow.json
// does not list with a reason, and on a listed one that no longer matches (a stale review).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const ELECTRON = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).devDependencies.electron
const { allow } = JSON.parse(readFileSync(join(ROOT, 'security/electronegativity-allow.json'), 'utf8'))

/** The CSV the CLI writes: one finding a line, quoted fields. */
function parseCsv(text) {
  const rows = text.trim().split('\n').slice(1)
  return rows.map((row) => {
    const cells = [...row.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1])
    return { check: cells[0], severity: cells[1], file: cells[3], location: cells[4], description: cells[6] }
  })
}

const dir = mkdtempSync(join(tmpdir(), 'mailkey-eneg-'))
const out = join(dir, 'findings.csv')
try {
  const bin = join(ROOT, 'node_modules/.bin/electronegativity')
  const args = ['-i', join(ROOT, 'src'), '-r', '-o', out, '-x', 'AvailableSecurityFixesGlobalCheck', '-e', ELECTRON]
  // run from the temp dir: it writes its translation cache into the working directory
  const run = spawnSync(bin, args, { cwd: dir, encoding: 'utf8', timeout: 300_000 })
  if (run.status !== 0) {
    console.error(`electronegativity failed to run (exit ${run.status}):\n${run.stderr}`)
    process.exit(1)
  }
  const findings = parseCsv(readFileSync(out, 'utf8'))
  const allowed = (f) => allow.some((a) => a.check === f.check && a.file === f.file)
  const unexplained = findings.filter((f) => !allowed(f))
  const stale = allow.filter((a) => !findings.some((f) => f.check === a.check && f.file === a.file))
  for (const f of unexplained)
    console.error(`electronegativity: ${f.check} (${f.severity}) at src/${f.file}:${f.location}: ${f.description}`)
  for (const a of stale)
    console.error(
      `electronegativity: allowlisted ${a.check} in ${a.file} no longer occurs: remove it from the allowlist`,
    )
  console.log(
    `electronegativity (Electron ${ELECTRON}): ${findings.length} findings, ${findings.length - unexplained.length} reviewed, ${unexplained.length} new, ${stale.length} stale allowlist entries`,
  )
  process.exitCode = unexplained.length || stale.length ? 1 : 0
} finally {
  rmSync(dir, { recursive: true, force: true })
}
