// Reads the JSON reports of every suite and prints one line per suite, then the total as the very last
// line: "N passed, N failed, N skipped". A missing report counts as a failure.
import { existsSync, readFileSync } from 'node:fs'

function vitest(file) {
  const r = JSON.parse(readFileSync(file, 'utf8'))
  // a run can fail with no failed test (a file that does not load, an unhandled error): count that once
  const failed = r.numFailedTests + (!r.success && r.numFailedTests === 0 ? 1 : 0)
  return { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests }
}

function playwright(file) {
  const r = JSON.parse(readFileSync(file, 'utf8'))
  const s = r.stats
  return { passed: s.expected + s.flaky, failed: s.unexpected + (r.errors?.length ?? 0), skipped: s.skipped }
}

/** @param {{ name: string, passed: number, failed: number, skipped: number }[]} extra */
export function summarize(extra = []) {
  const suites = [...extra]
  for (const [name, file, read] of [
    ['vitest', 'reports/vitest.json', vitest],
    ['playwright', 'reports/playwright.json', playwright],
  ]) {
    if (!existsSync(file)) {
      suites.push({ name: `${name} (no report: the suite did not run)`, passed: 0, failed: 1, skipped: 0 })
      continue
    }
    suites.push({ name, ...read(file) })
  }
  const total = { passed: 0, failed: 0, skipped: 0 }
  for (const s of suites) {
    console.log(`${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`)
    total.passed += s.passed
    total.failed += s.failed
    total.skipped += s.skipped
  }
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
  return total.failed === 0
}
