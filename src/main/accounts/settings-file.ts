import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs'

/** Far above any real settings file (a few KB for dozens of accounts), far below harm. */
export const MAX_SETTINGS_BYTES = 4 * 1024 * 1024

/** Why a settings file could not be read as text. */
export type UnreadableReason = 'not-a-file' | 'too-large'

export class UnreadableSettingsError extends Error {
  constructor(readonly reason: UnreadableReason) {
    super(reason === 'not-a-file' ? 'The settings path is not a regular file.' : 'The settings file is too large.')
    this.name = 'UnreadableSettingsError'
  }
}

/**
 * Reads a settings file (or a backup) as UTF-8 text, only when it is a regular file of at most
 * `max` bytes: `settings.json` linked to /dev/zero grew the process to 16.9 GB and a named pipe hung
 * it (issue 12, fault 7). The file is opened non-blocking (a FIFO does not wait for a writer) and
 * checked on the opened descriptor, so a swap between check and read changes nothing. The text comes
 * back as stored, a byte order mark included (see stripBom).
 */
export function readSettingsText(path: string, max: number = MAX_SETTINGS_BYTES): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const stat = fstatSync(fd)
    if (!stat.isFile()) throw new UnreadableSettingsError('not-a-file')
    if (stat.size > max) throw new UnreadableSettingsError('too-large')
    // read at most max + 1 bytes: a file that grows while read is still caught
    const buffer = Buffer.alloc(Math.min(stat.size, max) + 1)
    let length = 0
    for (let n = -1; n !== 0 && length < buffer.length; length += n) {
      n = readSync(fd, buffer, length, buffer.length - length, null)
    }
    if (length > max) throw new UnreadableSettingsError('too-large')
    return buffer.subarray(0, length).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

/** Drops a leading U+FEFF: no damage, just Notepad's or PowerShell's `Out-File -Encoding utf8` habit. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
