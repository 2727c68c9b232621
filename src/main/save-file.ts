import { basename, extname } from 'node:path'
import type { SaveOutcome } from '../shared/export.js'
import type { SaveDialogLike } from './electron-surface.js'
import type { ExportDocument } from './export/index.js'
import { AppError } from './app-error.js'
import { WriteFailed, writeDocument } from './export/write-document.js'

/**
 * Saves an exported document where the user chooses, through the system's Save dialog (modal to the
 * focused window: index.ts hands that in). The renderer never sees a path: it asked for a format, main
 * made the document, and only the chosen file's name comes back. Cancelling saves nothing.
 */
export function saveWithDialog(dialog: SaveDialogLike): (doc: ExportDocument) => Promise<SaveOutcome> {
  return async (doc) => {
    const extension = extname(doc.fileName).slice(1)
    const { canceled, filePath } = await dialog.showSaveDialog({
      title: 'Save the mail settings',
      defaultPath: doc.fileName,
      filters: [{ name: doc.mimeType, extensions: [extension] }],
    })
    if (canceled || !filePath) return { saved: false }
    // a file with passwords in it (asked for) is for its owner's eyes only, even when it replaces one
    try {
      await writeDocument(filePath, doc)
    } catch (e) {
      if (e instanceof WriteFailed) throw new AppError('INVALID_INPUT', `Mailkey ${e.message}. Choose another place.`)
      throw e
    }
    return { saved: true, fileName: basename(filePath) }
  }
}
