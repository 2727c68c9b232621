import { useEffect, useRef } from 'react'
import type { AccountView } from '../../../shared/account.js'
import { Field } from '../ui/Field.js'
import { useEscape } from '../ui/use-escape.js'
import { aliasIds } from './alias-ids.js'
import type { ExportState } from './aliases-state.js'
import type { AliasControls } from './use-aliases.js'

interface Props {
  account: AccountView
  exported: ExportState
  controls: AliasControls
}

function copiedText(copied: boolean | null): string {
  if (copied === null) return ''
  return copied
    ? 'Copied to the clipboard. It holds no password.'
    : 'Mailkey could not use the clipboard. The text is selected below: press Ctrl+C to copy it.'
}

/** The account's identities as text to hand on (no secrets): shown, and put on the clipboard. */
export function ExportPanel({ account, exported, controls }: Props) {
  const ids = aliasIds(account.id)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)
  useEffect(() => headingRef.current?.focus(), [])
  useEscape(true, controls.close)
  const copied = exported.status === 'ready' ? exported.copied : null
  // the clipboard said no: select the text so Ctrl+C does it
  useEffect(() => {
    if (copied === false) textRef.current?.select()
  }, [copied])
  const titleId = `${ids.exportPanel}-title`
  return (
    <section id={ids.exportPanel} className="alias-form" aria-labelledby={titleId}>
      <h4 id={titleId} ref={headingRef} tabIndex={-1} className="alias-form-title">
        Identities of {account.email}
      </h4>
      {exported.status === 'loading' && <p>Preparing the text…</p>}
      {exported.status === 'failed' && (
        <p className="panel panel--error" role="alert">
          The identities could not be exported: {exported.message}
        </p>
      )}
      {exported.status === 'ready' && (
        <>
          <p className="export-copied" role="status">
            {copiedText(exported.copied)}
          </p>
          <Field
            id={`${ids.exportPanel}-text`}
            label="Settings to hand on"
            hint="Servers, usernames and send-as addresses; never a password."
          >
            {(control) => (
              <textarea
                {...control}
                ref={textRef}
                readOnly
                className="input textarea mono export-text"
                rows={Math.min(18, exported.text.split('\n').length + 1)}
                value={exported.text}
              />
            )}
          </Field>
        </>
      )}
      <div className="actions actions--start">
        <button type="button" className="button" onClick={controls.close}>
          Close <kbd>Esc</kbd>
        </button>
        {exported.status === 'ready' && (
          <button type="button" className="button button--primary" onClick={controls.copyExport}>
            Copy again
          </button>
        )}
      </div>
    </section>
  )
}
