#!/usr/bin/env node
// `npm start`: fetch the Electron runtime once if needed, then build and open Mailkey. Where the runtime
// cannot be downloaded (an offline machine), say so in one line and point to the CLI.
import { spawnSync } from 'node:child_process'
import { electronBinary } from './electron-binary.mjs'

const OFFLINE =
  'mailkey: the Electron runtime is not installed and could not be downloaded (offline?); ' +
  'the command-line tool works without it: npm run build && node bin/mailkey.js test --help'

if (!electronBinary()) {
  const r = spawnSync('npx', ['install-electron'], { encoding: 'utf8' })
  if (r.status !== 0 || !electronBinary()) {
    console.error(OFFLINE)
    process.exit(1)
  }
}
const r = spawnSync('npx', ['electron-vite', 'preview'], { stdio: 'inherit' })
process.exit(r.status ?? 1)
