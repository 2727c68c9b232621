/**
 * Where the catalog's facts come from: the files of the two peer catalogs, pinned to the commit they
 * were read at, so a reader can check every host, port and user-name rule against its source. Provider
 * pages are cited where they are used.
 */

const ISPDB_COMMIT = 'c6ad79659b5fc321d1593ec4c277815b83e5dec5'

/** Thunderbird's provider database (ISPDB), one file per provider, as read on 2026-03-12. */
export function ispdb(file: string): string {
  return `https://github.com/thunderbird/autoconfig/blob/${ISPDB_COMMIT}/ispdb/${file}`
}

/** FairEmail's bundled provider list, as read on 2026-08-22. */
export const FAIREMAIL_PROVIDERS =
  'https://github.com/M66B/FairEmail/blob/e23dd9df8002bc43e64594843ce69b52b9ad15e1/app/src/main/res/xml/providers.xml'

/** Exchange Online: Basic authentication for IMAP and POP is off in every tenant (since 2023). */
export const MICROSOFT_BASIC_AUTH_OFF =
  'https://learn.microsoft.com/en-us/exchange/clients-and-mobile-in-exchange-online/deprecation-of-basic-authentication-exchange-online'

/**
 * A public list of providers' MX hosts (mxsniff), for hosts whose provider publishes no page that
 * names them: GoDaddy's `mailstore1.secureserver.net` and `smtp.secureserver.net`, Yandex's `mx.yandex.ru`.
 */
export const MXSNIFF_PROVIDERS =
  'https://github.com/jace/mxsniff/blob/f85fcb05bb90e727d507d016dc8db70b8892bcfe/mxsniff/providers.py'
