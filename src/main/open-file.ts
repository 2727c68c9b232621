import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import type { OpenDialogLike } from './electron-surface.js'

/** A file the user chose to open: its name (never its folder) and its text, or how big it was. */
export type OpenedFile = { name: string; text: string } | { name: string; tooBig: number }

/**
 * Opens one file the user chooses in the system's Open dialog (modal to the focused window) and reads
 * it as UTF-8, unless it is bigger than `maxBytes`: then only its size comes back (measured on the open
 * handle, so a file swapped after the check is not read past the limit either). Null when cancelled.
 * The renderer never sees the path.
 */
export function openWithDialog(
  dialog: OpenDialogLike,
): (request: { title: string; extensions: string[]; maxBytes: number }) => Promise<OpenedFile | null> {
  return async ({ title, extensions, maxBytes }) => {
    const { canceled, filePaths } = await dialog.showOpenDialog({
      title,
      filters: [{ name: 'Mailkey accounts', extensions }],
      properties: ['openFile'],
    })
    const [path] = filePaths
    if (canceled || !path) return null
    const file = await open(path, 'r')
    try {
      const { size } = await file.stat()
      if (size > maxBytes) return { name: basename(path), tooBig: size }
      const buffer = Buffer.alloc(maxBytes + 1)
      const { bytesRead } = await file.read(buffer, 0, maxBytes + 1, 0)
      if (bytesRead > maxBytes) return { name: basename(path), tooBig: bytesRead }
      return { name: basename(path), text: buffer.subarray(0, bytesRead).toString('utf8') }
    } finally {
      await file.close()
    }
  }
}
