// `npm run bed`: starts the local mail bed (Dovecot + SMTP submission, fixture CA) and prints how to
// point the CLI at it. Ctrl-C stops everything it started.
import { startBed } from '../test/bed/index.js'
import { BED_OAUTH_CLIENTS } from '../test/bed/oauth-mock.js'
import { BED_USERS } from '../test/bed/users.js'

const bed = await startBed()
const { ports, caPath, host, oauth } = bed.info
const alice = BED_USERS.alice
console.log(`Mail bed running (Gmail-like users; alice's app password is ${alice.appPassword}).
  IMAPS ${host}:${ports.imaps}  IMAP+STARTTLS 127.0.0.2:${ports.imap}  POP3S ${host}:${ports.pop3s}
  SMTPS ${host}:${ports.smtps}  SMTP+STARTTLS ${host}:${ports.submission}
  OAuth 2.0 authorization server ${oauth.url} (client ${BED_OAUTH_CLIENTS.desktop.clientId}, scope ${oauth.scope})

Try:
  printf ${alice.appPassword} | NODE_EXTRA_CA_CERTS=${caPath} node bin/mailkey.js test --email ${alice.address} \\
    --password-stdin --json --imap ${host}:${ports.imaps} --incoming-security tls \\
    --smtp ${host}:${ports.submission} --outgoing-security starttls

Sign in with OAuth (the authorization URL is printed on stderr; open it, or fetch it: the bed's
server signs in at once and redirects to Mailkey's listener), then test both servers with XOAUTH2:
  MAILKEY_CONFIG_DIR=$(mktemp -d) ...   (keep one folder for both commands)
  node bin/mailkey.js oauth authorize ${alice.address} --no-browser --provider custom \\
    --client-id ${BED_OAUTH_CLIENTS.desktop.clientId} --auth-url ${oauth.url}/authorize \\
    --token-url ${oauth.url}/token --scope ${oauth.scope} --json
  NODE_EXTRA_CA_CERTS=${caPath} node bin/mailkey.js test --email ${alice.address} --auth oauth2 --json \\
    --imap ${host}:${ports.imaps} --smtp ${host}:${ports.smtps}

Ctrl-C to stop.`)

const stop = (): void => {
  bed.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  )
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
