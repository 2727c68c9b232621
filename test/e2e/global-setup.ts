import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startBed } from '../bed/index.js'

export const BED_INFO_ENV = 'MAILKEY_E2E_BED'

/** Starts the mail bed once for the browser suite; Playwright runs the returned teardown at the end. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const bed = await startBed()
  const file = join(tmpdir(), `mailkey-e2e-bed-${process.pid}.json`)
  writeFileSync(file, JSON.stringify(bed.info))
  process.env[BED_INFO_ENV] = file
  return () => bed.stop()
}
