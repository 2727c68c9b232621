import {
  withMinTls,
  withPin,
  type ConnectionSettings,
  type ProxySetting,
  type TrustedCa,
} from '../../shared/connection.js'
import type { Server } from '../../shared/mail.js'
import type { CertificateInfo } from '../../shared/report.js'
import { cliServices, refuseWhileAppRuns } from './cli-services.js'
import { EXIT, UsageError, type CliIo } from './io.js'
import type { OfficeArgs } from './office-args.js'

/**
 * `mailkey test … --save`: the office options that just passed, stored on the saved account with this
 * address (as the app stores them): the proxy (its password in the keychain), the TLS minimum and the
 * pins of each tested server, the office CAs. Options for servers not tested are kept.
 */
export async function saveOfficeOptions(
  email: string,
  office: OfficeArgs,
  tested: readonly Server[],
  presented: ReadonlyMap<string, CertificateInfo>,
  proxyPassword: string | undefined,
  io: CliIo,
): Promise<number> {
  const { services: s, dir } = await cliServices(io)
  const account = (await s.accounts.list()).find((a) => a.email.toLowerCase() === email.toLowerCase())
  if (!account) throw new UsageError(`--save: no saved account for ${email} (add it in the app first)`)
  if (refuseWhileAppRuns(dir, io)) return EXIT.failed
  let settings: ConnectionSettings = { ...account.connection }
  const proxy: ProxySetting | null = office.proxy ?? settings.proxy
  settings = { ...settings, proxy, cas: mergeCas(settings.cas, office.cas) }
  for (const server of tested) {
    if (office.minTls) settings = withMinTls(settings, server, office.minTls)
    const cert = presented.get(`${server.host.toLowerCase()}:${server.port}`)
    const spki = cert && office.pins.includes(cert.spki) ? cert.spki : office.pins[0]
    if (spki) {
      settings = withPin(settings, {
        host: server.host,
        port: server.port,
        spki,
        anchor: cert?.spki === spki ? (cert.anchor ?? null) : null,
        subject: cert?.spki === spki ? cert.subject : '',
      })
    }
  }
  await s.accounts.save({
    accountId: account.id,
    email: account.email,
    displayName: account.displayName,
    username: account.username,
    providerId: account.providerId,
    incoming: account.incoming,
    outgoing: account.outgoing,
    verifiedAt: account.lastVerifiedAt,
    connection: settings,
    ...(proxyPassword !== undefined ? { proxyPassword } : {}),
  })
  io.stderr.write(`mailkey: saved the connection options on ${account.email}\n`)
  return EXIT.ok
}

function mergeCas(saved: readonly TrustedCa[], added: readonly TrustedCa[]): TrustedCa[] {
  const known = new Set(saved.map((c) => c.fingerprint256))
  return [...saved, ...added.filter((c) => !known.has(c.fingerprint256))]
}
