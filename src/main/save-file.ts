import { BrowserWindow, dialog } from 'electron'
import { writeFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { SaveOutcome } from '../shared/export.js'
import type { ExportDocument } from './export/index.js'

/**
 * Saves an exported document where the user chooses, through the system's Save dialog (modal to the
 * focused window). The renderer never sees a path: it asked for a format, main made the document, and
 * only the chosen file's name comes back. Cancelling saves nothing.
 */
export async function saveWithDialog(doc: ExportDocument): Promise<SaveOutcome> {
  const extension = extname(doc.fileName).slice(1)
  const options = {
    title: 'Save the mail settings',
    defaultPath: doc.fileName,
    filters: [{ name: doc.mimeType, extensions: [extension] }],
  }
  const parent = BrowserWindow.getFocusedWindow()
  const { canceled, filePath } = parent
    ? await dialog.showSaveDialog(parent, options)
    : await dialog.showSaveDialog(options)
  if (canceled || !filePath) return { saved: false }
  await writeFile(filePath, doc.content, { encoding: 'utf8', mode: 0o644 })
  return { saved: true, fileName: basename(filePath) }
}
