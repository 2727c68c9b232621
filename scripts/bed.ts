// `npm run bed`: starts the local mail bed (Dovecot + SMTP submission, fixture CA) and the discovery
// test zone (a DNS server and an autoconfig/ISPDB web server on loopback), and prints how to point the
// CLI at them. Ctrl-C stops everything it started.
import { startAutoconfigServer } from '../test/bed/autoconfig-server.js'
import { startDnsServer } from '../test/bed/dns-server.js'
import { discoveryZone, zoneIspdb } from '../test/bed/discovery-zone.js'
import { startBed } from '../test/bed/index.js'
import { BED_OAUTH_CLIENTS } from '../test/bed/oauth-mock.js'
import { BED_USERS } from '../test/bed/users.js'

const bed = await startBed()
const zone = discoveryZone(bed.info)
const dns = await startDnsServer({ zone: zone.zone, blackHoles: zone.blackHoles })
const web = await startAutoconfigServer({
  key: bed.info.certs.server.key,
  cert: bed.info.certs.server.cert,
  routes: zone.routes,
})
const { ports, caPath, host, oauth } = bed.info
const alice = BED_USERS.alice
console.log(`Mail bed running (Gmail-like users; alice's app password is ${alice.appPassword}).
  IMAPS ${host}:${ports.imaps}  IMAP+STARTTLS 127.0.0.2:${ports.imap}  POP3S ${host}:${ports.pop3s}
  SMTPS ${host}:${ports.smtps}  SMTP+STARTTLS ${host}:${ports.submission}
  OAuth 2.0 authorization server ${oauth.url} (client ${BED_OAUTH_CLIENTS.desktop.clientId}, scope ${oauth.scope})
Discovery zone: DNS ${dns.server}, provider database mirror ${zoneIspdb(web)}

Try:
  printf ${alice.appPassword} | NODE_EXTRA_CA_CERTS=${caPath} node bin/mailkey.js test --email ${alice.address} \\
    --password-stdin --json --imap ${host}:${ports.imaps} --incoming-security tls \\
    --smtp ${host}:${ports.submission} --outgoing-security starttls

  node bin/mailkey.js discover ida@srvonly.test --dns-server ${dns.server}
  node bin/mailkey.js discover erin@workspace.test --json --dns-server ${dns.server}
  NODE_EXTRA_CA_CERTS=${caPath} node bin/mailkey.js discover hugo@hostco.test --dns-server ${dns.server} \\
    --ispdb ${zoneIspdb(web)}
  printf ${alice.appPassword} | NODE_EXTRA_CA_CERTS=${caPath} node bin/mailkey.js test --email alice@srvonly.test \\
    --username ${alice.address} --password-stdin --dns-server ${dns.server}

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
  Promise.all([web.close(), dns.close()])
    .then(() => bed.stop())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    )
}
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
