import 'vitest'
import type { TestProject } from 'vitest/node'
import { startBed, type BedInfo } from './index.js'

declare module 'vitest' {
  export interface ProvidedContext {
    bed: BedInfo
  }
}

/** Starts the mail bed once for the whole run (Dovecot takes ~2 s to stop) and stops it at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const bed = await startBed()
  project.provide('bed', bed.info)
  return () => bed.stop()
}
