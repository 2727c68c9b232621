import { useState } from 'react'
import type { AccountView } from '../../../shared/account.js'
import {
  pinOfShown,
  withMinTls,
  withoutPin,
  withPin,
  type CertificatePin,
  type TlsVersion,
} from '../../../shared/connection.js'
import type { ProbeReport } from '../../../shared/report.js'
import { mailkey, settle } from '../lib/api.js'

export interface AccountTrust {
  /** Trusts the certificate a failed check showed for this server; resolves true when saved. */
  trust: (report: ProbeReport) => Promise<boolean>
  /** This server's lowest TLS version (a diagnosis's one-click fix). */
  allowTls: (server: { host: string; port: number }, version: TlsVersion) => Promise<boolean>
  removePin: (pin: CertificatePin) => Promise<boolean>
  removeCa: (fingerprint256: string) => Promise<boolean>
  busy: boolean
  /** Why the last change was not saved. */
  problem: string | null
}

/**
 * A saved account's trusted certificates and TLS minimums, changed from the account screen through
 * main (which takes a new pin only for a certificate it saw on that server), the updated account
 * handed up.
 */
export function useAccountTrust(account: AccountView, onUpdated: (a: AccountView) => void): AccountTrust {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const save = async (connection: AccountView['connection']): Promise<boolean> => {
    setBusy(true)
    setProblem(null)
    const r = await settle(() =>
      mailkey().setAccountTrust({
        accountId: account.id,
        pins: connection.pins,
        cas: connection.cas,
        minTls: connection.minTls,
      }),
    )
    setBusy(false)
    if (!r.ok) {
      setProblem(r.error.message)
      return false
    }
    onUpdated(r.value)
    return true
  }
  const { connection } = account
  return {
    trust: (report) => {
      const cert = report.certificate
      if (!cert) return Promise.resolve(false)
      return save(withPin(connection, pinOfShown(report, cert)))
    },
    allowTls: (server, version) => save(withMinTls(connection, server, version)),
    removePin: (pin) => save(withoutPin(connection, pin)),
    removeCa: (fingerprint256) =>
      save({ ...connection, cas: connection.cas.filter((c) => c.fingerprint256 !== fingerprint256) }),
    busy,
    problem,
  }
}
