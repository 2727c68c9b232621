import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFixturePki } from './certs.js'
import { startDovecot, type Dovecot } from './dovecot.js'
import { BED_MAIL_SCOPE, startOAuthMock, type OAuthMock } from './oauth-mock.js'
import { freePort } from './process.js'
import { startSubmission, type SubmissionServer } from './smtp-submission.js'
import { BED_USERS, OFFICE_USERS, writeUsers } from './users.js'

/** What a test needs to reach the bed: plain data, so it can cross from a global setup to workers. */
export interface BedInfo {
  dir: string
  host: string
  caPath: string
  ca: string
  usersFile: string
  /** The servers' good certificate, and ones that must fail verification, for servers started by tests. */
  certs: Record<'server' | 'wrongHost' | 'expired' | 'selfSigned', { key: string; cert: string }>
  ports: {
    imaps: number
    imap: number
    pop3s: number
    pop3: number
    lmtp: number
    /** ManageSieve, STARTTLS (RFC 5804). */
    sieve: number
    smtps: number
    submission: number
  }
  /** The authorization server (oauth2-mock-server) both mail servers check tokens against. */
  oauth: { url: string; scope: string }
}

export interface Bed {
  info: BedInfo
  stop(): Promise<void>
}

/**
 * Starts the whole bed on free loopback ports: fixture CA, Dovecot (IMAP/POP3/LMTP) and the SMTP
 * submission server delivering into Dovecot. Stops only what it started.
 */
export async function startBed(): Promise<Bed> {
  const dir = mkdtempSync(join(tmpdir(), 'mailkey-bed-'))
  // Dovecot's auth process runs as its own user and must reach auth.lua and the users file
  chmodSync(dir, 0o755)
  const pki = createFixturePki(dir)
  const usersFile = join(dir, 'users.tsv')
  writeUsers(usersFile, [...Object.values(BED_USERS), ...OFFICE_USERS])

  const dovecotPorts = {
    imap: await freePort(),
    imaps: await freePort(),
    pop3: await freePort(),
    pop3s: await freePort(),
    lmtp: await freePort(),
    sieve: await freePort(),
  }
  let dovecot: Dovecot | undefined
  let smtp: SubmissionServer | undefined
  let oauth: OAuthMock | undefined
  try {
    oauth = await startOAuthMock()
    dovecot = await startDovecot({
      dir: join(dir, 'dovecot'),
      certPath: pki.server.certPath,
      keyPath: pki.server.keyPath,
      usersFile,
      ports: dovecotPorts,
      oauth: { introspectionUrl: `${oauth.url}/userinfo`, scope: BED_MAIL_SCOPE },
    })
    smtp = await startSubmission({
      key: pki.server.key,
      cert: pki.server.cert,
      usersFile,
      lmtpPort: dovecotPorts.lmtp,
      oauthUrl: oauth.url,
      oauthScope: BED_MAIL_SCOPE,
    })
  } catch (e) {
    await dovecot?.stop()
    await oauth?.stop()
    rmSync(dir, { recursive: true, force: true })
    throw e
  }
  const started = { dovecot, smtp, oauth }
  return {
    info: {
      dir,
      host: '127.0.0.1',
      caPath: pki.caPath,
      ca: pki.ca,
      usersFile,
      certs: {
        server: { key: pki.server.key, cert: pki.server.cert },
        wrongHost: { key: pki.wrongHost.key, cert: pki.wrongHost.cert },
        expired: { key: pki.expired.key, cert: pki.expired.cert },
        selfSigned: { key: pki.selfSigned.key, cert: pki.selfSigned.cert },
      },
      ports: { ...dovecotPorts, smtps: smtp.tlsPort, submission: smtp.starttlsPort },
      oauth: { url: oauth.url, scope: BED_MAIL_SCOPE },
    },
    async stop() {
      await started.smtp.stop()
      await started.dovecot.stop()
      await started.oauth.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
