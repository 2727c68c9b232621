import type { MailkeyApi } from '../../shared/ipc/contract.js'

declare global {
  interface Window {
    /** The preload's bridge to main (src/preload/index.ts): the renderer's only way out of the sandbox. */
    readonly mailkey: MailkeyApi
  }
}

export {}
