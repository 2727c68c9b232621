import { useEffect, useRef, useState } from 'react'
import type { AccountView } from '../../../../shared/account.js'
import type { FilterUpload } from '../../../../shared/filters/results.js'
import { Field } from '../../ui/Field.js'
import { useEscape } from '../../ui/use-escape.js'
import { useOpenExternal } from '../../ui/use-open-external.js'
import type { FilterControls, ScriptState } from './use-filters.js'

/** ManageSieve's port (RFC 5804). */
const SIEVE_PORT = 4190

interface Props {
  account: AccountView
  script: Exclude<ScriptState, { status: 'closed' }>
  controls: FilterControls
  idPrefix: string
}

function UploadOutcome({ result, open }: { result: FilterUpload; open: (url: string) => void }) {
  if (result.uploaded) {
    return (
      <p className="check-outcome check-outcome--ok" role="status">
        Uploaded to {result.server.host} port {result.server.port} as “{result.scriptName}” and switched on: new mail is
        filtered from now on.{result.warnings ? ` The server warned: ${result.warnings}` : ''}
      </p>
    )
  }
  return (
    <div className="panel panel--error" role="alert">
      <p>
        Not uploaded: {result.message}
        {result.serverText ? ` The server said: “${result.serverText}”` : ''}
      </p>
      <p>
        Instead: {result.pasteAt.text}{' '}
        {result.pasteAt.url && (
          <button type="button" className="button button--link" onClick={() => open(result.pasteAt.url ?? '')}>
            Open the page
          </button>
        )}
      </p>
    </div>
  )
}

/** The saved filter as a Sieve script: shown first, then copied, or uploaded and switched on over ManageSieve. */
export function FilterScriptPanel({ account, script, controls, idPrefix }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [open, openProblem] = useOpenExternal()
  const host = account.incoming.host
  const [port, setPort] = useState(String(SIEVE_PORT))
  const uploading = script.status === 'ready' && script.upload.status === 'uploading'
  useEffect(() => headingRef.current?.focus(), [])
  useEscape(!uploading, controls.closeScript)
  const id = (s: string): string => `${idPrefix}script-${s}`
  const portNumber = Number(port)
  const portOk = Number.isInteger(portNumber) && portNumber >= 1 && portNumber <= 65535
  return (
    <section className="alias-form" aria-labelledby={id('title')}>
      <h4 id={id('title')} ref={headingRef} tabIndex={-1} className="alias-form-title">
        Filter script (Sieve)
      </h4>
      {script.status === 'loading' && <p>Writing the script…</p>}
      {script.status === 'failed' && (
        <p className="panel panel--error" role="alert">
          {script.message}
        </p>
      )}
      {script.status === 'ready' && (
        <>
          <Field
            id={id('text')}
            label="The script"
            hint="This is exactly what will run on the server. Read it before uploading."
          >
            {(control) => (
              <textarea
                {...control}
                readOnly
                className="input textarea mono export-text"
                rows={Math.min(16, script.script.script.split('\n').length + 1)}
                value={script.script.script}
              />
            )}
          </Field>
          <p className="export-copied" role="status">
            {script.copied === true
              ? 'Copied to the clipboard.'
              : script.copied === false
                ? 'The clipboard could not be used: select the text and copy it.'
                : ''}
          </p>
          <Field
            id={id('port')}
            label={`ManageSieve port on ${account.incoming.host}`}
            hint="4190 is the standard port; the saved password goes to this account's own server only."
            error={portOk ? null : 'A port is a number from 1 to 65535.'}
            className="field--narrow"
          >
            {(control) => (
              <input
                {...control}
                className="input"
                inputMode="numeric"
                value={port}
                onChange={(e) => setPort(e.target.value.trim())}
              />
            )}
          </Field>
          {script.upload.status === 'uploading' && <p role="status">Uploading over ManageSieve (STARTTLS)…</p>}
          {script.upload.status === 'done' && <UploadOutcome result={script.upload.result} open={open} />}
          {script.upload.status === 'failed' && (
            <p className="panel panel--error" role="alert">
              {script.upload.message}
            </p>
          )}
          {openProblem && <p className="field-error">{openProblem}</p>}
        </>
      )}
      <div className="actions actions--start">
        {script.status === 'ready' && (
          <>
            {uploading ? (
              <button type="button" className="button" onClick={controls.cancelRunning}>
                Stop the upload
              </button>
            ) : (
              <button
                type="button"
                className="button button--primary"
                disabled={!portOk || !host}
                onClick={() => controls.upload({ host, port: portNumber })}
              >
                Upload and switch on
              </button>
            )}
            <button type="button" className="button" onClick={controls.copyScript}>
              Copy the script
            </button>
          </>
        )}
        <button type="button" className="button" onClick={controls.closeScript} disabled={uploading}>
          Close <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  )
}
