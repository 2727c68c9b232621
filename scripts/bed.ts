// `npm run bed`: starts the local mail bed (Dovecot + SMTP submission, fixture CA) and prints how to
// point the CLI at it. Ctrl-C stops everything it started.
import { startBed } from '../test/bed/index.js'
import { BED_USERS } from '../test/bed/users.js'

const bed = await startBed()
const { ports, caPath, host } = bed.info
const alice = BED_USERS.alice
console.log(`Mail bed running (Gmail-like users; alice's app password is ${alice.appPassword}).
  IMAPS ${host}:${ports.imaps}  IMAP+STARTTLS 127.0.0.2:${ports.imap}  POP3S ${host}:${ports.pop3s}
  SMTPS ${host}:${ports.smtps}  SMTP+STARTTLS ${host}:${ports.submission}

Try:
  printf ${alice.appPassword} | NODE_EXTRA_CA_CERTS=${caPath} node bin/mailkey.js test --email ${alice.address} \\
    --password-stdin --json --imap ${host}:${ports.imaps} --incoming-security tls \\
    --smtp ${host}:${ports.submission} --outgoing-security starttls

Ctrl-C to stop.`)

const stop = (): void => {
  bed.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
