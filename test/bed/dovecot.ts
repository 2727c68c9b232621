import { spawn, type ChildProcess } from 'node:child_process'
import { chownSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { userInfo } from 'node:os'
import { execFileSync } from 'node:child_process'
import { waitForGreeting, waitForExit } from './process.js'

export interface DovecotPorts {
  imap: number
  imaps: number
  pop3: number
  pop3s: number
  lmtp: number
  /** ManageSieve (RFC 5804; 4190 in the wild), STARTTLS. */
  sieve: number
}

export interface Dovecot {
  pid: number
  ports: DovecotPorts
  logPath: string
  stop(): Promise<void>
}

const NOBODY = 65534

/**
 * Lua deny passdb. It answers Gmail's exact IMAP/POP3 failure lines (verified byte for byte in
 * ../shared/notes/test-bed.md §3). Returning USER_UNKNOWN for a good app password lets the
 * following static passdb accept the login. `nodelay` skips Dovecot's 0.5 s failure delay.
 */
function luaScript(usersFile: string): string {
  return `local D = dovecot.auth
local USERS = ${JSON.stringify(usersFile)}
local function load()
  local users = {}
  local f = io.open(USERS, "r")
  if not f then return users end
  for line in f:lines() do
    local addr, app, normal, web = line:match("^([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)")
    if addr then users[addr] = { app = app, normal = normal, webOnly = (web == "1") } end
  end
  f:close()
  return users
end
local function deny(req, imap, pop3)
  local reason = imap
  if req.service == "pop3" then reason = pop3 end
  return D.PASSDB_RESULT_OK, { nopassword = "y", nodelay = "y", reason = reason }
end
function auth_passdb_lookup(req)
  local u = load()[req.user]
  local pass = req.password
  if u and u.webOnly then
    return deny(req, "[ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)",
      "[SYS/PERM] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754")
  end
  if u and u.app ~= "" and pass == u.app then return D.PASSDB_RESULT_USER_UNKNOWN, "" end
  if u and u.normal ~= "" and pass == u.normal then
    return deny(req, "[ALERT] Application-specific password required: https://support.google.com/accounts/answer/185833 (Failure)",
      "Application-specific password required: https://support.google.com/accounts/answer/185833")
  end
  return deny(req, "[AUTHENTICATIONFAILED] Invalid credentials (Failure)", "Username and password not accepted.")
end
function script_init() return 0 end
function script_deinit() end
`
}

interface ConfigInput {
  dir: string
  certPath: string
  keyPath: string
  ports: DovecotPorts
  rootless: boolean
  oauth?: DovecotOAuth | undefined
}

/** Dovecot's oauth2 passdb checking XOAUTH2/OAUTHBEARER tokens at the bed's authorization server. */
export interface DovecotOAuth {
  /** Where tokens are introspected (`introspection_mode = auth`: the token as a Bearer header). */
  introspectionUrl: string
  /** The scope a token must carry (Dovecot 2.3 `scope`). */
  scope: string
}

/**
 * dovecot-oauth2.conf.ext (Dovecot 2.3 doc "Open Authentication v2.0 database"): introspect every token
 * (`force_introspection`), the user is the `email` field, and the token must be `active`. A 401 from
 * the endpoint would be a temporary failure, so the mock answers 200 with `active: false`.
 */
function oauthConfig(oauth: DovecotOAuth): string {
  return [
    'introspection_mode = auth',
    `introspection_url = ${oauth.introspectionUrl}`,
    'force_introspection = yes',
    'username_attribute = email',
    'active_attribute = active',
    'active_value = true',
    `scope = ${oauth.scope}`,
    '',
  ].join('\n')
}

function config({ dir, certPath, keyPath, ports, rootless, oauth }: ConfigInput): string {
  const me = userInfo().username
  const group = rootless ? execFileSync('id', ['-gn'], { encoding: 'utf8' }).trim() : ''
  const unprivileged = rootless
    ? [`default_internal_user = ${me}`, `default_internal_group = ${group}`, `default_login_user = ${me}`]
    : []
  const chroot = rootless ? ['  chroot ='] : []
  const mailUser = rootless ? `uid=${process.getuid?.()} gid=${process.getgid?.()}` : `uid=${NOBODY} gid=${NOBODY}`
  return [
    'instance_name = mailkey-bed',
    `base_dir = ${dir}/run`,
    `state_dir = ${dir}/state`,
    `log_path = ${dir}/log/dovecot.log`,
    'protocols = imap pop3 lmtp sieve',
    'listen = 127.0.0.1, 127.0.0.2, ::1',
    'ssl = required',
    `ssl_cert = <${certPath}`,
    `ssl_key = <${keyPath}`,
    `auth_mechanisms = plain login${oauth ? ' xoauth2 oauthbearer' : ''}`,
    `mail_location = maildir:${dir}/mail/%u`,
    'login_greeting = Gimap ready for requests',
    'imap_id_send = name GImap vendor "Google, Inc." support-url https://support.google.com/mail',
    // what clients say in IMAP ID goes to the log ("ID sent: name=…"), so a test can read what Mailkey sent
    'imap_id_log = *',
    // a quota, so capability tests read QUOTA with its usage (RFC 9208) from a real server
    'mail_plugins = $mail_plugins quota',
    'protocol imap {',
    '  mail_plugins = $mail_plugins imap_quota',
    '}',
    'plugin {',
    '  quota = maildir:User quota',
    '  quota_rule = *:storage=1G',
    '}',
    ...unprivileged,
    ...(oauth
      ? ['passdb {', '  driver = oauth2', '  mechanisms = xoauth2 oauthbearer', `  args = ${dir}/oauth2.conf`, '}']
      : []),
    'passdb {',
    '  driver = lua',
    '  mechanisms = plain login',
    `  args = file=${dir}/auth.lua blocking=no`,
    '  deny = yes',
    '}',
    'passdb {',
    '  driver = static',
    '  mechanisms = plain login',
    '  args = nopassword=y',
    '}',
    'userdb {',
    '  driver = static',
    `  args = ${mailUser} home=${dir}/home/%u allow_all_users=yes`,
    '}',
    'service imap-login {',
    ...chroot,
    '  inet_listener imap {',
    `    port = ${ports.imap}`,
    '  }',
    '  inet_listener imaps {',
    `    port = ${ports.imaps}`,
    '    ssl = yes',
    '  }',
    '}',
    'service pop3-login {',
    ...chroot,
    '  inet_listener pop3 {',
    `    port = ${ports.pop3}`,
    '  }',
    '  inet_listener pop3s {',
    `    port = ${ports.pop3s}`,
    '    ssl = yes',
    '  }',
    '}',
    // Sieve (RFC 5228) runs on delivery over LMTP; scripts are uploaded over ManageSieve (RFC 5804)
    'protocol lmtp {',
    '  mail_plugins = $mail_plugins sieve',
    '}',
    'plugin {',
    '  sieve = file:~/sieve;active=~/.dovecot.sieve',
    '}',
    'service managesieve-login {',
    ...chroot,
    '  inet_listener sieve {',
    `    port = ${ports.sieve}`,
    '  }',
    '}',
    'service lmtp {',
    '  inet_listener lmtp {',
    '    address = 127.0.0.1',
    `    port = ${ports.lmtp}`,
    '  }',
    '}',
    // mode 0 turns off the auth penalty (up to 15 s after failed logins), which tests provoke on purpose
    'service anvil {',
    ...chroot,
    '  unix_listener anvil-auth-penalty {',
    '    mode = 0',
    '  }',
    '}',
    '',
  ].join('\n')
}

export async function startDovecot(opts: {
  dir: string
  certPath: string
  keyPath: string
  usersFile: string
  ports: DovecotPorts
  oauth?: DovecotOAuth
}): Promise<Dovecot> {
  const { dir, ports } = opts
  const rootless = process.getuid?.() !== 0
  for (const sub of ['run', 'state', 'log', 'mail', 'home']) mkdirSync(join(dir, sub), { recursive: true })
  if (!rootless) {
    chownSync(join(dir, 'mail'), NOBODY, NOBODY)
    chownSync(join(dir, 'home'), NOBODY, NOBODY)
  }
  writeFileSync(join(dir, 'auth.lua'), luaScript(opts.usersFile))
  if (opts.oauth) writeFileSync(join(dir, 'oauth2.conf'), oauthConfig(opts.oauth))
  const confPath = join(dir, 'dovecot.conf')
  writeFileSync(confPath, config({ ...opts, rootless }))
  // a stale anvil socket makes every auth process wait 5 s; start from a fresh base_dir
  rmSync(join(dir, 'run'), { recursive: true, force: true })
  mkdirSync(join(dir, 'run'))

  const logPath = join(dir, 'log', 'dovecot.log')
  const child: ChildProcess = spawn('dovecot', ['-F', '-c', confPath], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()))
  const pid = child.pid
  if (pid === undefined)
    throw new Error('dovecot did not start (are dovecot-imapd and dovecot-managesieved installed?)')
  try {
    await waitForGreeting('127.0.0.1', ports.imap, /^\* OK/, 15_000, child)
    await waitForGreeting('127.0.0.1', ports.pop3, /^\+OK/, 5_000, child)
    await waitForGreeting('127.0.0.1', ports.sieve, /^"IMPLEMENTATION"/i, 5_000, child)
  } catch (e) {
    child.kill()
    const log = safeRead(logPath)
    throw new Error(`Dovecot did not come up: ${(e as Error).message}\n${stderr}\n${log}`, { cause: e })
  }
  return {
    pid,
    ports,
    logPath,
    async stop() {
      child.kill('SIGTERM')
      await waitForExit(child, 10_000)
    },
  }
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8').slice(-4000)
  } catch {
    return ''
  }
}
