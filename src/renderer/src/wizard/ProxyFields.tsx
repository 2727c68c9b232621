import type { Dispatch } from 'react'
import { Field } from '../ui/Field.js'
import { PasswordField } from '../ui/PasswordField.js'
import { PROXY_KIND_CHOICES, PROXY_KIND_LABEL, type OfficeProblems, type ProxyDraft } from './office-draft.js'
import type { WizardAction } from './wizard-state.js'

interface Props {
  proxy: ProxyDraft
  problems: OfficeProblems
  /** Editing an account whose proxy password is saved: an empty field keeps it. */
  keepsSaved: boolean
  dispatch: Dispatch<WizardAction>
}

/** The proxy every connection of the account goes through: SOCKS5 or HTTP CONNECT, with a sign-in if it wants one. */
export function ProxyFields({ proxy, problems, keepsSaved, dispatch }: Props) {
  const set = (field: 'proxyHost' | 'proxyPort' | 'proxyUsername' | 'proxyPassword', value: string): void =>
    dispatch({ type: 'officeChanged', change: { field, value } })
  return (
    <>
      <Field
        id="proxy-kind"
        label="Proxy"
        hint="Offices that allow no direct connections give you a proxy. It looks up the mail servers itself."
        className="field--full"
      >
        {(control) => (
          <select
            {...control}
            className="input"
            value={proxy.kind}
            onChange={(e) =>
              dispatch({
                type: 'officeChanged',
                change: { field: 'proxyKind', value: e.target.value as ProxyDraft['kind'] },
              })
            }
          >
            {PROXY_KIND_CHOICES.map((k) => (
              <option key={k} value={k}>
                {PROXY_KIND_LABEL[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {proxy.kind !== 'none' && (
        <>
          <Field id="proxy-host" label="Proxy server" error={problems.proxyHost} className="field--wide">
            {(control) => (
              <input
                {...control}
                className="input mono"
                spellCheck={false}
                autoCapitalize="off"
                value={proxy.host}
                onChange={(e) => set('proxyHost', e.target.value)}
              />
            )}
          </Field>
          <Field id="proxy-port" label="Port" error={problems.proxyPort} className="field--narrow">
            {(control) => (
              <input
                {...control}
                className="input mono"
                inputMode="numeric"
                maxLength={5}
                value={proxy.port}
                onChange={(e) => set('proxyPort', e.target.value)}
              />
            )}
          </Field>
          <Field id="proxy-username" label="Proxy user name (if it asks)">
            {(control) => (
              <input
                {...control}
                className="input mono"
                spellCheck={false}
                autoCapitalize="off"
                autoComplete="off"
                value={proxy.username}
                onChange={(e) => set('proxyUsername', e.target.value)}
              />
            )}
          </Field>
          {proxy.username.trim() !== '' && (
            <PasswordField
              id="proxy-password"
              label="Proxy password"
              hint={
                keepsSaved
                  ? 'Leave it empty to keep the saved one. Kept in your keychain, never in a file.'
                  : 'The proxy’s own password, not your mail password. Kept in your keychain.'
              }
              value={proxy.password}
              error={problems.proxyPassword ?? null}
              onChange={(raw) => set('proxyPassword', raw)}
            />
          )}
        </>
      )}
    </>
  )
}
