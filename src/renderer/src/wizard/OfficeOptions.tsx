import type { Dispatch } from 'react'
import type { OfficeProblems } from './office-draft.js'
import { ProxyFields } from './ProxyFields.js'
import type { Setup } from './setup.js'
import { TlsMinimumFields } from './TlsMinimumFields.js'
import { TrustedCertificates } from './TrustedCertificates.js'
import type { WizardAction } from './wizard-state.js'

interface Props {
  setup: Setup
  problems: OfficeProblems
  dispatch: Dispatch<WizardAction>
}

/** Office connection options: a proxy, the lowest TLS version per server, trusted certificates. */
export function OfficeOptions({ setup, problems, dispatch }: Props) {
  const { office } = setup
  const keepsSaved = setup.accountId !== undefined && !!office.savedProxy?.username
  return (
    <fieldset className="editor-group">
      <legend>Office network</legend>
      <ProxyFields proxy={office.proxy} problems={problems} keepsSaved={keepsSaved} dispatch={dispatch} />
      <TlsMinimumFields minTls={office.minTls} dispatch={dispatch} />
      <TrustedCertificates pins={office.pins} cas={office.cas} dispatch={dispatch} />
    </fieldset>
  )
}
