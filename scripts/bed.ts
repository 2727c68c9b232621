// `npm run bed`: starts the local mail bed (Dovecot + SMTP submission, fixture CA) and the discovery
// test zone (a DNS server and an autoconfig/ISPDB web server on loopback), and prints how to point the
// CLI at them. Ctrl-C stops everything it started.
import { startAutoconfigServer } from '../test/bed/autoconfig-server.js'
import { startDnsServer } from '../test/bed/dns-server.js'
import { discoveryZone, zoneIspdb } from '../test/bed/discovery-zone.js'
import { startBed } from '../test/bed/index.js'
import { BED_USERS } from '../test/bed/users.js'

const bed = await startBed()
const zone = discoveryZone(bed.info)
const dns = await startDnsServer({ zone: zone.zone, blackHoles: zone.blackHoles })
const web = await startAutoconfigServer({
  key: bed.info.certs.server.key,
  cert: bed.info.certs.server.cert,
  routes: zone.routes,
})
const { ports, caPath, host } = bed.info
const alice = BED_USERS.alice
console.log(`Mail bed running (Gmail-like users; alice's app password is ${alice.appPassword}).
  IMAPS ${host}:${ports.imaps}  IMAP+STARTTLS 127.0.0.2:${ports.imap}  POP3S ${host}:${ports.pop3s}
  SMTPS ${host}:${ports.smtps}  SMTP+STARTTLS ${host}:${ports.submission}
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
