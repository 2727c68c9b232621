import { useMemo, useState } from 'react'
import type { AccountView } from '../../../../shared/account.js'
import type { Diagnosis } from '../../../../shared/diagnosis.js'
import type { FilterScript, FilterUpload, PreviewedMessage } from '../../../../shared/filters/results.js'
import { mailkey, settle } from '../../lib/api.js'
import { newTestId } from '../../lib/test-id.js'
import { useTestCancel } from '../../ui/use-test-cancel.js'
import { draftFrom, readDraft, type FilterDraft, type ReadDraft } from './filter-draft.js'

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading'; testId: string }
  | { status: 'ready'; total: number; messages: PreviewedMessage[] }
  | { status: 'failed'; message: string; diagnosis?: Diagnosis }

export type UploadState =
  | { status: 'idle' }
  | { status: 'uploading'; testId: string }
  | { status: 'done'; result: FilterUpload }
  | { status: 'failed'; message: string }

export type ScriptState =
  | { status: 'closed' }
  | { status: 'loading' }
  | { status: 'ready'; script: FilterScript; upload: UploadState; copied: boolean | null }
  | { status: 'failed'; message: string }

const noop = (): void => undefined

export interface FiltersView {
  editing: boolean
  draft: FilterDraft
  read: ReadDraft
  /** Set after a save was tried with problems: the fields show their errors from then on. */
  showProblems: boolean
  /** The draft differs from the saved filter. */
  unsaved: boolean
  saving: boolean
  preview: PreviewState
  script: ScriptState
  problem: string | null
  notice: string
}

export interface FilterControls {
  openEditor: () => void
  closeEditor: () => void
  /** Back to the saved filter (the editor keeps unsaved changes across closing otherwise). */
  discardChanges: () => void
  change: (draft: FilterDraft) => void
  save: () => Promise<boolean>
  remove: () => void
  runPreview: () => void
  cancelRunning: () => void
  showScript: () => void
  closeScript: () => void
  copyScript: () => void
  upload: (sieve?: { host: string; port: number }) => void
}

/**
 * An account's incoming filter on its card: the editor's draft (kept as typed until saved), a preview
 * of the inbox judged by the draft, the saved filter's script, and its upload. Long calls run under a
 * test id; leaving the card cancels them.
 */
export function useFilters(account: AccountView, onUpdated: (a: AccountView) => void): [FiltersView, FilterControls] {
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState<FilterDraft>(() => draftFrom(account.filter))
  const [showProblems, setShowProblems] = useState(false)
  const [saving, setSaving] = useState(false)
  const [preview, setPreview] = useState<PreviewState>({ status: 'idle' })
  const [script, setScript] = useState<ScriptState>({ status: 'closed' })
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState('')
  const read = useMemo(() => readDraft(draft), [draft])
  const { id } = account

  const runningId =
    preview.status === 'loading'
      ? preview.testId
      : script.status === 'ready' && script.upload.status === 'uploading'
        ? script.upload.testId
        : null
  // leaving the card mid-preview or mid-upload stops it
  const cancelRunning = useTestCancel(runningId, noop)

  const save = async (): Promise<boolean> => {
    setShowProblems(true)
    if (!read.filter) return false
    const empty = read.filter.addresses.length + read.filter.domains.length + read.filter.keywords.length === 0
    setSaving(true)
    setProblem(null)
    const r = await settle(() => mailkey().setFilter({ accountId: id, filter: empty ? null : read.filter }))
    setSaving(false)
    if (!r.ok) {
      setProblem(`The filter was not saved: ${r.error.message}`)
      return false
    }
    onUpdated(r.value)
    setDraft(draftFrom(r.value.filter))
    setEditing(false)
    setShowProblems(false)
    setNotice(
      empty ? 'The filter has no entries, so it is off.' : 'Filter saved. Show its script to put it on the server.',
    )
    return true
  }

  const remove = (): void => {
    void settle(() => mailkey().setFilter({ accountId: id, filter: null })).then((r) => {
      if (!r.ok) return setProblem(`The filter was not removed: ${r.error.message}`)
      onUpdated(r.value)
      setDraft(draftFrom(null))
      setEditing(false)
      setScript({ status: 'closed' })
      setNotice('Filter removed.')
    })
  }

  const runPreview = (): void => {
    setShowProblems(true)
    const filter = read.filter
    if (!filter) return
    const testId = newTestId()
    setPreview({ status: 'loading', testId })
    void settle(() => mailkey().previewFilter({ accountId: id, testId, filter })).then((r) => {
      if (!r.ok) {
        return setPreview(
          r.error.code === 'CANCELLED' ? { status: 'idle' } : { status: 'failed', message: r.error.message },
        )
      }
      setPreview(
        r.value.ok
          ? { status: 'ready', total: r.value.total, messages: r.value.messages }
          : { status: 'failed', message: r.value.diagnosis.title, diagnosis: r.value.diagnosis },
      )
    })
  }

  const showScript = (): void => {
    setScript({ status: 'loading' })
    void settle(() => mailkey().exportFilter({ accountId: id })).then((r) =>
      setScript(
        r.ok
          ? { status: 'ready', script: r.value, upload: { status: 'idle' }, copied: null }
          : { status: 'failed', message: r.error.message },
      ),
    )
  }

  const upload = (sieve?: { host: string; port: number }): void => {
    if (script.status !== 'ready') return
    const testId = newTestId()
    const shown = script.script.script
    setScript({ ...script, upload: { status: 'uploading', testId } })
    void settle(() =>
      mailkey().uploadFilter({ accountId: id, testId, script: shown, ...(sieve ? { sieve } : {}) }),
    ).then((r) =>
      setScript((s) =>
        s.status !== 'ready'
          ? s
          : {
              ...s,
              upload: r.ok
                ? { status: 'done', result: r.value }
                : r.error.code === 'CANCELLED'
                  ? { status: 'idle' }
                  : { status: 'failed', message: r.error.message },
            },
      ),
    )
  }

  const copyScript = (): void => {
    if (script.status !== 'ready') return
    const text = script.script.script
    navigator.clipboard.writeText(text).then(
      () => setScript((s) => (s.status === 'ready' ? { ...s, copied: true } : s)),
      () => setScript((s) => (s.status === 'ready' ? { ...s, copied: false } : s)),
    )
  }

  const controls: FilterControls = {
    // changes not saved when the editor was closed (Esc, Cancel) are still there when it opens again
    openEditor: () => {
      setShowProblems(false)
      setPreview({ status: 'idle' })
      setNotice('')
      setEditing(true)
    },
    closeEditor: () => setEditing(false),
    discardChanges: () => setDraft(draftFrom(account.filter)),
    change: setDraft,
    save,
    remove,
    runPreview,
    cancelRunning,
    showScript,
    closeScript: () => setScript({ status: 'closed' }),
    copyScript,
    upload,
  }
  const unsaved = JSON.stringify(draft) !== JSON.stringify(draftFrom(account.filter))
  return [{ editing, draft, read, showProblems, unsaved, saving, preview, script, problem, notice }, controls]
}
