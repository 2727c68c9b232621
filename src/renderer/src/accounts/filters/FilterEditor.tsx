import { useEffect, useRef, type ReactNode } from 'react'
import type { AccountView } from '../../../../shared/account.js'
import { FILTER_LISTS, LIST_NAMES, type FilterList } from '../../../../shared/filters/filter.js'
import { Field } from '../../ui/Field.js'
import { useEscape } from '../../ui/use-escape.js'
import { FilterPreviewTable } from './FilterPreviewTable.js'
import type { FilterControls, FiltersView } from './use-filters.js'

const LIST_HINT: Record<FilterList, string> = {
  addresses: 'One per line, e.g. boss@client.com: the From address.',
  domains: 'One per line, e.g. client.com: the From address’s domain, and any below it (eu.client.com).',
  keywords: 'One per line: found anywhere in the Subject, capital letters or not (A–Z). Never the message text.',
}

/** One choice of a group of radio buttons, its label beside it. */
function Radio({
  name,
  checked,
  onChoose,
  children,
}: {
  name: string
  checked: boolean
  onChoose: () => void
  children: ReactNode
}) {
  return (
    <label className="checkbox-field">
      <input className="checkbox" type="radio" name={name} checked={checked} onChange={onChoose} />
      {children}
    </label>
  )
}

interface Props {
  account: AccountView
  view: FiltersView
  controls: FilterControls
  idPrefix: string
}

/** The filter's lists as editable text, its mode and what happens to ignored mail; preview and save. */
export function FilterEditor({ account, view, controls, idPrefix }: Props) {
  const { draft, read, showProblems } = view
  const headingRef = useRef<HTMLHeadingElement>(null)
  const formRef = useRef<HTMLFormElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  useEscape(view.preview.status !== 'loading', controls.closeEditor)
  const id = (s: string): string => `${idPrefix}filter-${s}`
  const problemOf = (field: FilterList | 'folder'): string | null =>
    showProblems && read.problems[field].length ? read.problems[field].join(' ') : null
  const setList = (list: FilterList, text: string): void =>
    controls.change({ ...draft, lists: { ...draft.lists, [list]: text } })
  const submit = async (): Promise<void> => {
    if (await controls.save()) return
    // focus the first field that is wrong; what was typed stays as it was
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus())
  }
  const titleId = id('title')
  return (
    <form
      ref={formRef}
      className="alias-form filter-editor"
      aria-labelledby={titleId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <h4 id={titleId} ref={headingRef} tabIndex={-1} className="alias-form-title">
        Incoming filter of {account.email}
      </h4>
      {view.unsaved && (
        <p className="note">
          Changes not saved yet are kept here until you save or discard them.{' '}
          <button type="button" className="button button--link" onClick={controls.discardChanges}>
            Discard changes
          </button>
        </p>
      )}
      <fieldset className="editor-group filter-choices">
        <legend>Mode</legend>
        <Radio
          name={id('mode')}
          checked={draft.mode === 'ignore'}
          onChoose={() => controls.change({ ...draft, mode: 'ignore' })}
        >
          Ignore: set aside mail that matches an entry
        </Radio>
        <Radio
          name={id('mode')}
          checked={draft.mode === 'allow'}
          onChoose={() => controls.change({ ...draft, mode: 'allow' })}
        >
          Allow: keep only mail that matches an entry
        </Radio>
      </fieldset>
      {FILTER_LISTS.map((list) => (
        <Field
          key={list}
          id={id(list)}
          label={LIST_NAMES[list].many}
          hint={`${LIST_HINT[list]} ${read.notes[list]}`}
          error={problemOf(list)}
        >
          {(control) => (
            <textarea
              {...control}
              className="input textarea mono"
              rows={Math.min(8, Math.max(3, draft.lists[list].split('\n').length + 1))}
              spellCheck={false}
              value={draft.lists[list]}
              onChange={(e) => setList(list, e.target.value)}
            />
          )}
        </Field>
      ))}
      <fieldset className="editor-group filter-choices">
        <legend>Ignored mail</legend>
        <Radio
          name={id('ignored')}
          checked={draft.ignored === 'folder'}
          onChoose={() => controls.change({ ...draft, ignored: 'folder' })}
        >
          Put it in a folder (nothing is lost)
        </Radio>
        {draft.ignored === 'folder' && (
          <Field id={id('folder')} label="Folder" error={problemOf('folder')}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={draft.folder}
                onChange={(e) => controls.change({ ...draft, folder: e.target.value })}
              />
            )}
          </Field>
        )}
        <Radio
          name={id('ignored')}
          checked={draft.ignored === 'discard'}
          onChoose={() => controls.change({ ...draft, ignored: 'discard' })}
        >
          Delete it on arrival (it cannot be brought back)
        </Radio>
      </fieldset>
      {view.problem && (
        <p className="panel panel--error" role="alert">
          {view.problem}
        </p>
      )}
      <div className="actions actions--start">
        <button type="submit" className="button button--primary" disabled={view.saving}>
          {view.saving ? 'Saving…' : 'Save filter'}
        </button>
        {view.preview.status === 'loading' ? (
          <button type="button" className="button" onClick={controls.cancelRunning}>
            Stop the preview
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={controls.runPreview}
            disabled={account.incoming.protocol !== 'imap'}
          >
            Preview on the inbox
          </button>
        )}
        <button type="button" className="button" onClick={controls.closeEditor}>
          Cancel <kbd>Esc</kbd>
        </button>
        {account.filter && (
          <button type="button" className="button button--quiet" onClick={controls.remove}>
            Remove filter
          </button>
        )}
      </div>
      {account.incoming.protocol !== 'imap' && (
        <p className="note">The preview reads the inbox over IMAP; this account uses POP3.</p>
      )}
      {view.preview.status === 'loading' && <p role="status">Reading the newest 50 messages (headers only)…</p>}
      {view.preview.status === 'failed' && (
        <div className="panel panel--error" role="alert">
          <p>The inbox could not be read: {view.preview.message}</p>
          {view.preview.diagnosis && <p>{view.preview.diagnosis.fix.label}</p>}
        </div>
      )}
      {view.preview.status === 'ready' && (
        <FilterPreviewTable
          messages={view.preview.messages}
          total={view.preview.total}
          filter={read.filter}
          idPrefix={idPrefix}
        />
      )}
    </form>
  )
}
