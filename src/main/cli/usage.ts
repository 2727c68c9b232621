/**
 * The CLI's help texts, apart from the commands so `--help` loads nothing else (a no-network command
 * should start about as fast as Node itself: see `npm run bench`).
 */

export const OFFICE_USAGE = `         [--proxy socks5://[user@]host:port | http://[user@]host:port] [--proxy-password-stdin]
         [--min-tls 1.0|1.1|1.2|1.3] [--pin sha256/BASE64]... [--ca FILE.pem]... [--save]`

export const OFFICE_HELP = `Office options: --proxy sends every connection through a SOCKS5 or HTTP CONNECT proxy, which
looks the servers up (no DNS query from this computer). With --proxy-password-stdin, stdin holds
the mail password on its first line and the proxy password on the second. --min-tls sets the lowest
TLS version (1.2 by default; 1.0 and 1.1 are outdated). --pin trusts a server's key by its SHA-256
(SubjectPublicKeyInfo, as curl --pinnedpubkey): a self-signed server passes, a changed key stops.
--ca trusts an office CA (a TLS-inspecting firewall's). --save stores these options on the saved
account with this address when every tested server passed.`

export const TEST_USAGE = `Usage: mailkey test --email ADDR [--username U] --password-stdin
         [--imap HOST:PORT | --pop3 HOST:PORT] [--incoming-security tls|starttls]
         [--smtp HOST:PORT] [--outgoing-security tls|starttls]
         [--only incoming|outgoing] [--timeout-ms N] [--json] [--transcript]
         [--dns-server HOST[:PORT]]... [--ispdb URL]
${OFFICE_USAGE}
       mailkey test --email ADDR --auth oauth2 [server flags] [--json]

Tests the incoming and outgoing servers at the same time. The password is read from
stdin and never printed. With --auth oauth2 both servers are signed in to with the
OAuth sign-in saved for ADDR (mailkey oauth authorize), its access token refreshed when
needed. Servers not given are the saved account's, or are discovered first (see mailkey
discover, same --dns-server and --ispdb); a discovered host that needs your confirmation
is only used when given as a flag. Exit 0 when every test passed, 1 when one failed, 2 for
bad usage.

${OFFICE_HELP}`

export const DISCOVER_USAGE = `Usage: mailkey discover ADDR [--json] [--dns-server HOST[:PORT]]... [--ispdb URL] [--timeout-ms N]

Finds the incoming and outgoing servers for an address: Mailkey's presets, the domain's
autoconfig file, Thunderbird's provider database, MX and SRV records, and tested guesses, all
at once. Only the domain is sent to anyone, never the address, and no password is asked.

  --json             one JSON object: domain, provider, incoming, outgoing, lookups, ms
  --dns-server IP    send every DNS query of the run to this server (repeatable; IP[:PORT])
  --ispdb URL        the provider database's base URL (default https://autoconfig.thunderbird.net/v1.1/)
  --timeout-ms N     stop looking after N ms (default 8000)

Exit 0 when at least one incoming and one outgoing server were found, 1 when not, 2 for bad usage.
To trust a private CA for HTTPS lookups, use Node's NODE_EXTRA_CA_CERTS=ca.pem.`

export const DIAGNOSE_USAGE = `Usage: mailkey diagnose --protocol smtp|imap|pop3 [--code CODE] --text TEXT [--json]

Explains an error pasted from any mail app or library: its cause, a plain title, the
server's own words and the fix. --code is the library's error code when there is one
(ECONNREFUSED, EAUTH, CERT_HAS_EXPIRED...). A text that starts with "-" (POP3's -ERR)
goes after an equals sign: --text='-ERR [AUTH] ...'. Nothing is sent anywhere.
Exit 0 when the text was diagnosed (even as "unknown"), 2 for bad usage.`

export const ALIAS_USAGE = `Usage: mailkey alias list ADDR [--json]
       mailkey alias add ADDR --address A [--name N] [--reply-to R] [--not-alias]
                 [--smtp HOST:PORT [--outgoing-security tls|starttls] [--username U --password-stdin]] [--json]
       mailkey alias remove ADDR --address A
       mailkey alias check ADDR [--address A] [--round-trip] [--json]
       mailkey alias export ADDR

Send-as addresses (aliases) of the saved account ADDR. check asks the outgoing server whether it
accepts each alias as sender (MAIL FROM, nothing sent); --round-trip also sends one message from the
alias to ADDR and reads it back, to catch a From that the provider rewrites (Gmail without "Send mail
as"). Exit 0 when every check passed, 1 when one failed, 2 for bad usage.`

export const CREDENTIALS_USAGE = `Usage: mailkey credentials list [--json]
       mailkey credentials check [--json]
       mailkey credentials reset ADDR --password-stdin [--json] [--timeout-ms N]
       mailkey credentials backups [--json]
       mailkey credentials dismiss-backup NAME

list   the saved accounts, which secrets the keychain holds for each, stale flags, and keychain
       entries that belong to no account (orphans). Never the secrets.
check  whether the system keychain can be used, and what to install or unlock if not.
reset  replace a stale saved password: the new one (from stdin) is tested on both servers and
       saved only if both accept it. Exit 0 only then; 1 when a server refused it (nothing
       changed); 2 for bad usage.
backups        settings files Mailkey moved aside (damaged, too new...) and still keeps. The
               passwords of their accounts stay in the keychain and are not orphans meanwhile.
dismiss-backup you are done with that backup: it is renamed *.dismissed.json (not deleted), and
               its accounts' passwords show as orphans from then on.

Settings are read from ${'$'}MAILKEY_CONFIG_DIR or the app's folder.`

export const CHECK_USAGE = `Usage: mailkey check [--group NAME] [--json] [--timeout-ms N]

Re-tests every saved account with its saved password, 4 accounts at a time and at most 2 at a time
on one server, and prints each as it finishes: works, stale (the server refused the saved password
twice: replace it with mailkey credentials reset) or failing (with the cause and the fix), then the
totals. A stale or working result is recorded, as the app's Re-test button does.

--group NAME   only the accounts of the group NAME (case ignored; see mailkey group list). An
               unknown NAME is a usage error that names the groups there are (exit 2).
--json         one JSON object: { runId, rows, totals, ms, sumMs, cancelled }.

Exit 0 when every account works (or there is none), 1 when any is stale or failing, 2 for bad usage.`

export const GROUP_USAGE = `Usage: mailkey group list [--json]
       mailkey group create NAME --from ADDR
       mailkey group create NAME (--imap HOST:PORT | --pop3 HOST:PORT) [--incoming-security tls|starttls]
                 --smtp HOST:PORT [--outgoing-security tls|starttls] [--login address|local-part]
       mailkey group rename NAME NEW
       mailkey group add NAME --email ADDR --password-stdin [--json] [--timeout-ms N]
       mailkey group remove NAME

Groups of accounts (an office, a client) that share their servers. create takes the servers of the
saved account ADDR (--from) or the ones given; each mailbox signs in with its address (or, with
--login local-part, the part before the @). add tests both servers with the group's settings and the
password from stdin, and saves the mailbox into the group only if both accept it. remove keeps the
group's accounts, in no group. Check a group with mailkey check --group NAME.
Exit 0 when done, 1 when a server refused the mailbox (nothing saved), 2 for bad usage.`

export const FILTERS_USAGE = `Usage: mailkey filters show ADDR [--json]
       mailkey filters set ADDR --mode allow|ignore [--address A]... [--domain D]... [--keyword K]...
                 [--addresses-file F] [--domains-file F] [--keywords-file F]
                 [--ignored-folder NAME | --discard] [--json]
       mailkey filters clear ADDR
       mailkey filters preview ADDR [--json] [--timeout-ms N]
       mailkey filters export ADDR [--output FILE]
       mailkey filters upload ADDR [--sieve HOST:PORT] [--json] [--timeout-ms N]

The incoming filter of the saved account ADDR. Ignore: mail whose From address, its domain (or a
subdomain) or its Subject matches an entry is ignored; Allow: only such mail is kept. Keywords match
the Subject only, ASCII letters in any case. Ignored mail is filed in the folder "Ignored" (or NAME),
or deleted with --discard. Files hold one entry per line; at most 1,000 entries per list.

preview  the newest 50 messages of INBOX, each allowed or ignored and by which entry (read-only).
export   the filter as a Sieve script (RFC 5228), and where to paste it by hand.
upload   prints the script, then uploads it over ManageSieve (RFC 5804, STARTTLS, the saved
         password) to the incoming server's port 4190 (or --sieve, on the account's own incoming
         or outgoing host only: the saved password goes nowhere else) and switches it on.
Exit 0 on success, 1 when the server could not be read or took no upload, 2 for bad usage.`

export const OAUTH_USAGE = `Usage: mailkey oauth authorize ADDR [--provider google|microsoft|custom] [--client-id ID]
                 [--client-secret-stdin] [--auth-url URL] [--token-url URL] [--scope S]
                 [--no-browser] [--timeout-ms N] [--json]
       mailkey oauth revoke ADDR [--json]

authorize  signs ADDR in with OAuth 2.0 in the system browser (PKCE, a redirect to 127.0.0.1).
           With --no-browser it prints the authorization URL alone on one line on stderr and
           waits for the redirect. The refresh token (and a client secret read from stdin) go to
           the keychain; the client settings are saved for ADDR. Google and Microsoft fill the
           endpoints and scope; custom needs --auth-url, --token-url and --scope. The client ID
           is yours (register a desktop/public client; redirect URI http://127.0.0.1).
           Exit 0 when signed in, 1 when refused or timed out (with the cause), 2 for bad usage.
revoke     revokes the sign-in at the provider (where it offers that) and deletes it from the
           keychain.

Then: mailkey test --email ADDR --auth oauth2 [server flags]`

export const EXPORT_USAGE = `Usage: mailkey export ADDR|--all --format autoconfig|mobileconfig|sheet-html|sheet-pdf|json
                 [--domain D] [--output FILE] [--include-secrets]

Hands saved accounts on to other devices: ADDR's account, --all of them, or with --domain D the
accounts at D.
  autoconfig    Thunderbird's config-v1.1 file for one domain, to publish at
                https://autoconfig.D/mail/config-v1.1.xml (user names as %EMAILADDRESS% placeholders)
  mobileconfig  an unsigned Apple profile, one mail payload per account (iPhone, iPad, Mac)
  sheet-html    a printable setup sheet: servers, ports, encryption, user names, app password page
  sheet-pdf     the same sheet as PDF (needs --output)
  json          Mailkey's own accounts file, for mailkey import on another computer
No password is written unless --include-secrets is given (mobileconfig and json only; needs
--output; the file is then readable by you only, and you are warned). Without --output the document
goes to stdout. Exit 0 written, 1 failed, 2 for bad usage.`

export const IMPORT_USAGE = `Usage: mailkey import FILE [--json]

Imports Mailkey's accounts file (mailkey export --format json), all or nothing: a file that is not
JSON, from a newer Mailkey, with unknown fields, an invalid value, an address already saved or twice
in it, or over 2 MB is refused with every problem and its field, and nothing is saved. Imported
accounts have no password unless the file carried one: enter each with mailkey credentials reset.
Exit 0 imported, 1 refused, 2 for bad usage.`
