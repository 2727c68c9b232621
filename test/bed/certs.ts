import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { discoverySubjectAltNames } from './discovery-names.js'

/**
 * The bed's fixture PKI, made with the system's openssl (EC keys: a few ms each).
 * Tests trust `ca.pem` explicitly; certificate checks are never switched off.
 */
export interface FixturePki {
  caPath: string
  ca: string
  /** Valid for localhost, PROXIED_NAME, 127.0.0.1, 127.0.0.2, ::1 and the discovery zone's names, signed by the CA. */
  server: KeyPair
  /** Signed by the CA, but for another name (other.example.test) only. */
  wrongHost: KeyPair
  /** Signed by the CA for the right names, but expired (2020). */
  expired: KeyPair
  /** Right names, not signed by the CA: self-signed. */
  selfSigned: KeyPair
}

export interface KeyPair {
  keyPath: string
  certPath: string
  key: string
  cert: string
}

/**
 * A name only the test proxies know (RFC 6761: .invalid never resolves): reaching the bed by it proves
 * the proxy, not this computer, looked the name up.
 */
export const PROXIED_NAME = 'mail.office.invalid'

const LOOPBACK_NAMES = `DNS:localhost,DNS:${PROXIED_NAME},IP:127.0.0.1,IP:127.0.0.2,IP:::1`
/** Loopback, plus the discovery test zone's names (guessed and published servers are checked by name). */
const SERVER_NAMES = `${LOOPBACK_NAMES},${discoverySubjectAltNames()}`

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
}

function newKey(cwd: string, name: string): string {
  openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-out', name], cwd)
  return join(cwd, name)
}

function leafExtensions(dir: string, base: string, names: string): void {
  writeFileSync(
    join(dir, `${base}.ext`),
    `subjectAltName=${names}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n`,
  )
}

function read(dir: string, base: string): KeyPair {
  const keyPath = join(dir, `${base}.key`)
  const certPath = join(dir, `${base}.pem`)
  return { keyPath, certPath, key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') }
}

/** Signs a leaf certificate for `names` (a subjectAltName list) with the fixture CA. */
export function issueLeaf(dir: string, base: string, commonName: string, names: string): KeyPair {
  newKey(dir, `${base}.key`)
  openssl(['req', '-new', '-key', `${base}.key`, '-subj', `/CN=${commonName}`, '-out', `${base}.csr`], dir)
  leafExtensions(dir, base, names)
  openssl(
    [
      'x509',
      '-req',
      '-in',
      `${base}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '3',
      '-extfile',
      `${base}.ext`,
      '-out',
      `${base}.pem`,
    ],
    dir,
  )
  return read(dir, base)
}

/**
 * An expired leaf: OpenSSL 3.0's `x509 -req` cannot backdate, `openssl ca` can (-startdate/-enddate).
 */
function issueExpiredLeaf(dir: string, base: string, names: string): KeyPair {
  newKey(dir, `${base}.key`)
  openssl(['req', '-new', '-key', `${base}.key`, '-subj', '/CN=localhost', '-out', `${base}.csr`], dir)
  leafExtensions(dir, base, names)
  writeFileSync(join(dir, 'index.txt'), '')
  writeFileSync(join(dir, 'serial'), '1000\n')
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = bed',
      '[bed]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'new_certs_dir = $dir',
      'certificate = $dir/ca.pem',
      'private_key = $dir/ca.key',
      'serial = $dir/serial',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      '[any]',
      'commonName = supplied',
      '',
    ].join('\n'),
  )
  openssl(
    [
      'ca',
      '-batch',
      '-notext',
      '-config',
      'ca.cnf',
      '-in',
      `${base}.csr`,
      '-out',
      `${base}.pem`,
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20200201000000Z',
      '-extfile',
      `${base}.ext`,
    ],
    dir,
  )
  return read(dir, base)
}

/** A certificate that vouches for itself (its own CA), for `names` (a subjectAltName list). */
export function selfSignedLeaf(dir: string, base: string, names: string = SERVER_NAMES): KeyPair {
  newKey(dir, `${base}.key`)
  openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      `${base}.key`,
      '-days',
      '3',
      '-subj',
      '/CN=localhost',
      '-addext',
      `subjectAltName=${names}`,
      '-out',
      `${base}.pem`,
    ],
    dir,
  )
  return read(dir, base)
}

/** A CA of its own (an office's TLS-inspecting firewall) and a leaf for the bed's names signed by it. */
export function officePki(dir: string): { ca: string; leaf: KeyPair } {
  newKey(dir, 'office-ca.key')
  openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      'office-ca.key',
      '-days',
      '3',
      '-subj',
      '/CN=Office Firewall CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      'office-ca.pem',
    ],
    dir,
  )
  newKey(dir, 'office-leaf.key')
  openssl(['req', '-new', '-key', 'office-leaf.key', '-subj', '/CN=localhost', '-out', 'office-leaf.csr'], dir)
  leafExtensions(dir, 'office-leaf', SERVER_NAMES)
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'office-leaf.csr',
      '-CA',
      'office-ca.pem',
      '-CAkey',
      'office-ca.key',
      '-CAcreateserial',
      '-days',
      '3',
      '-extfile',
      'office-leaf.ext',
      '-out',
      'office-leaf.pem',
    ],
    dir,
  )
  return { ca: readFileSync(join(dir, 'office-ca.pem'), 'utf8'), leaf: read(dir, 'office-leaf') }
}

export function createFixturePki(dir: string): FixturePki {
  newKey(dir, 'ca.key')
  openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      'ca.key',
      '-days',
      '3',
      '-subj',
      '/CN=Mailkey Test Bed CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      'ca.pem',
    ],
    dir,
  )
  const caPath = join(dir, 'ca.pem')
  return {
    caPath,
    ca: readFileSync(caPath, 'utf8'),
    server: issueLeaf(dir, 'server', 'localhost', SERVER_NAMES),
    wrongHost: issueLeaf(dir, 'wrong-host', 'other.example.test', 'DNS:other.example.test'),
    expired: issueExpiredLeaf(dir, 'expired', LOOPBACK_NAMES),
    selfSigned: selfSignedLeaf(dir, 'self-signed', LOOPBACK_NAMES),
  }
}
