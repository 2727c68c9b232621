#!/usr/bin/env node
// Makes sure the system packages the build and the test bed need are present. On Debian/Ubuntu as
// root it installs what is missing with apt (retrying while another apt holds the lock); elsewhere it
// names what is missing and exits 1. Usable before `npm install` (no dependencies).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const PACKAGES = {
  'build-essential': 'compiles keytar (node-gyp)',
  python3: 'node-gyp',
  'libsecret-1-dev': 'keytar links against libsecret',
  dbus: 'a private session bus for the keychain tests',
  'gnome-keyring': 'the real Secret Service the keychain tests use',
  'dovecot-imapd': 'test bed IMAP server',
  'dovecot-pop3d': 'test bed POP3 server',
  'dovecot-lmtpd': 'test bed delivery (SMTP → IMAP)',
  'dovecot-auth-lua': "test bed: Gmail's exact failure texts",
  'dovecot-sieve': 'test bed: incoming filters run on delivery (Sieve, RFC 5228)',
  'dovecot-managesieved': 'test bed: filter upload (ManageSieve, RFC 5804)',
  openssl: 'the test bed certificates',
  chromium: 'the browser test suite',
  microsocks: 'office options: a SOCKS5 proxy with a password',
  tinyproxy: 'office options: an HTTP CONNECT proxy with Basic auth',
}

function installed(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' })
  return r.status === 0 && r.stdout.includes('install ok installed')
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

export function ensureSystemPackages({ quiet = false } = {}) {
  if (!existsSync('/usr/bin/dpkg-query')) {
    console.error(`mailkey: not a Debian/Ubuntu system; install these yourself: ${Object.keys(PACKAGES).join(' ')}`)
    return false
  }
  const missing = Object.keys(PACKAGES).filter((p) => !installed(p))
  if (missing.length === 0) {
    if (!quiet) console.log('system packages: all present')
    return true
  }
  if (process.getuid?.() !== 0) {
    console.error('mailkey: missing system packages (run as root, or install them):')
    for (const p of missing) console.error(`  ${p}  (${PACKAGES[p]})`)
    return false
  }
  console.log(`system packages: installing ${missing.join(' ')}`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (let attempt = 1; attempt <= 6; attempt++) {
    try {
      execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env })
      execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { stdio: 'inherit', env })
      return true
    } catch {
      console.error(`apt-get failed (attempt ${attempt} of 6; another apt may hold the lock), retrying in 20 s`)
      sleep(20_000)
    }
  }
  console.error(`mailkey: could not install ${missing.join(' ')}`)
  return false
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.exit(ensureSystemPackages() ? 0 : 1)
}
