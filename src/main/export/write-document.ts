import { randomBytes } from 'node:crypto'
import { chmod, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { ExportDocument } from './export-document.js'

/** Why a document could not be written, in words, with the path (the CLI and the app say it as is). */
export class WriteFailed extends Error {
  constructor(
    readonly path: string,
    readonly code: string | undefined,
  ) {
    const why: Record<string, string> = {
      ENOENT: 'that folder does not exist',
      EISDIR: 'that is a folder, not a file',
      ENOTDIR: 'a part of that path is a file, not a folder',
      EACCES: 'no permission to write there',
      EPERM: 'no permission to write there',
      EROFS: 'that disk is read-only',
      ENOSPC: 'the disk is full',
      EDQUOT: 'the disk quota is used up',
    }
    super(`cannot write ${path}: ${why[code ?? ''] ?? code ?? 'unknown error'}`)
    this.name = 'WriteFailed'
  }
}

/**
 * Writes an exported document to `path`. One that holds passwords (`doc.private`) ends up readable by
 * its owner only (0600) whatever was there before: `writeFile`'s mode applies only when it creates
 * the file, so overwriting an existing 0644 file kept it world-readable. It is written to a new file
 * beside the target (created 0600, never following an existing name) and renamed over it, so the
 * target is never half written nor readable by others for a moment. Other documents are written in
 * place (0644 when created). Errors: WriteFailed, naming the path and why (ENOENT, EISDIR, ENOSPC…).
 */
export async function writeDocument(path: string, doc: Pick<ExportDocument, 'content' | 'private'>): Promise<void> {
  try {
    if (!doc.private) {
      await writeFile(path, doc.content, { mode: 0o644 })
      return
    }
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
    try {
      await writeFile(temp, doc.content, { mode: 0o600, flag: 'wx' })
      await chmod(temp, 0o600) // the umask may have taken bits away, never added: make it exact
      await rename(temp, path)
    } catch (e) {
      await rm(temp, { force: true })
      throw e
    }
  } catch (e) {
    throw new WriteFailed(path, (e as NodeJS.ErrnoException).code)
  }
}
