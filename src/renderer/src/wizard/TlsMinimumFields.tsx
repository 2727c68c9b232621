import type { Dispatch } from 'react'
import { isLegacyTls, TLS_VERSIONS, type TlsVersion } from '../../../shared/connection.js'
import type { Side } from '../../../shared/mail.js'
import { SIDE_LABEL } from '../lib/labels.js'
import { Field } from '../ui/Field.js'
import type { WizardAction } from './wizard-state.js'

const LABEL: Record<TlsVersion, string> = {
  '1.0': 'TLS 1.0 and newer (outdated)',
  '1.1': 'TLS 1.1 and newer (outdated)',
  '1.2': 'TLS 1.2 and newer (recommended)',
  '1.3': 'TLS 1.3 only',
}

/** The lowest TLS version per server, with a plain warning when an outdated one is allowed. */
export function TlsMinimumFields({
  minTls,
  dispatch,
}: {
  minTls: Record<Side, TlsVersion>
  dispatch: Dispatch<WizardAction>
}) {
  return (
    <>
      {(['incoming', 'outgoing'] as const).map((side) => (
        <Field
          key={side}
          id={`${side}-min-tls`}
          label={`${SIDE_LABEL[side]}: lowest TLS version`}
          hint={
            isLegacyTls(minTls[side])
              ? 'TLS 1.0 and 1.1 are outdated and no longer safe. Allow them only for an old office server that cannot be updated, and ask for an update.'
              : undefined
          }
        >
          {(control) => (
            <select
              {...control}
              className="input"
              value={minTls[side]}
              onChange={(e) =>
                dispatch({
                  type: 'officeChanged',
                  change: { field: 'minTls', side, value: e.target.value as TlsVersion },
                })
              }
            >
              {[...TLS_VERSIONS].reverse().map((v) => (
                <option key={v} value={v}>
                  {LABEL[v]}
                </option>
              ))}
            </select>
          )}
        </Field>
      ))}
    </>
  )
}
