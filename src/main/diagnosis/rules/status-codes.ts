import type { Cause } from '../../../shared/diagnosis.js'
import type { Facts, Rule } from '../facts.js'

/**
 * Causes read from the codes in a reply when no wording rule named one: a text with a known code but
 * unknown words still gets the cause its code implies. These run after every wording rule (which may
 * know better: Microsoft's 5.7.139 is either "wrong password" or "SMTP AUTH disabled", only its words
 * tell) and before the network rules.
 */

/** The command a refusal answered, where the text names it. */
function refusedCommand(f: Facts): 'sender' | 'recipient' | 'auth' | undefined {
  if (f.input.stage === 'sender') return /\bRCPT\b|recipient/i.test(f.all) ? 'recipient' : 'sender'
  if (/\bAUTH\b|authenticat/i.test(f.all)) return 'auth'
  if (/MAIL FROM|\bsender\b|From address|envelope from/i.test(f.all)) return 'sender'
  if (/\bRCPT\b|recipient|relay/i.test(f.all)) return 'recipient'
  return undefined
}

/**
 * RFC 3463 enhanced status codes (class.subject.detail) and the IANA registry's later additions
 * (RFC 5248: x.7.10–x.7.17; Microsoft's x.7.30/57/60), by how specific they are: a full code first,
 * then its class and subject.
 */
const ENHANCED: Readonly<Record<string, Cause | ((f: Facts) => Cause | undefined)>> = {
  // RFC 4954 §6: 5.7.8 credentials invalid; 5.7.9 mechanism too weak; 5.7.11 encryption required
  '5.7.8': 'invalid_credentials',
  '4.7.8': 'invalid_credentials',
  '5.7.9': 'auth_mechanism_unsupported',
  '5.7.11': 'starttls_required',
  '5.7.10': 'starttls_required',
  // RFC 4954 §6 "A password transition is needed" (432 4.7.12): change it, on the web
  '4.7.12': 'web_login_required',
  '5.7.12': 'web_login_required',
  '5.7.13': 'account_disabled',
  '5.7.14': 'web_login_required',
  '5.7.4': 'auth_mechanism_unsupported',
  // Exchange Online's only use of 5.7.30: "Basic authentication is not supported for Client Submission"
  // (basic SMTP AUTH retired, MC786329): a sign-in with OAuth, not an admin switch, lets the app send
  '5.7.30': 'oauth_required',
  '5.7.57': 'auth_required_before_send',
  '5.7.60': 'sender_not_allowed',
  // 5.7.1 "delivery not authorized": which command was refused says whose it is
  '5.7.1': (f) => {
    const command = refusedCommand(f)
    if (command === 'sender') return 'sender_not_allowed'
    if (command === 'auth') return 'invalid_credentials'
    return 'relay_denied'
  },
  '4.7.1': (f) => (refusedCommand(f) === 'recipient' ? 'relay_denied' : 'server_unavailable'),
  '5.7.0': (f) => (f.structure.smtp.some((r) => r.basic === 530) ? 'auth_required_before_send' : undefined),
  '4.7.0': 'server_unavailable',
  // mail system status: 4.3.2 "system not accepting network messages", 5.3.3 "not capable of
  // selected features" (Exchange's answer to a command it does not know, AUTH included)
  '4.3.2': 'server_unavailable',
  '4.3.1': 'server_unavailable',
  '4.3.0': 'server_unavailable',
  '4.3.5': 'server_unavailable',
  '5.3.3': (f) => (refusedCommand(f) === 'auth' ? 'auth_mechanism_unsupported' : undefined),
  // network: no answer, bad connection, congestion
  '4.4.1': 'connection_timeout',
  '4.4.2': 'connection_reset',
  '4.4.5': 'server_unavailable',
  // addressing: the sender's own address refused
  '5.1.7': 'sender_not_allowed',
  '5.1.8': 'sender_not_allowed',
}

/** Syntax and protocol (x.5.x): an AUTH the server does not understand means no usable sign-in. */
function protocolStatus(f: Facts): Cause | undefined {
  return refusedCommand(f) === 'auth' ? 'auth_mechanism_unsupported' : undefined
}

function fromEnhanced(f: Facts): Cause | undefined {
  for (const code of f.structure.enhanced) {
    const entry = ENHANCED[code]
    const cause = typeof entry === 'function' ? entry(f) : entry
    if (cause) return cause
    if (/^5\.5\.\d+$/.test(code)) {
      const p = protocolStatus(f)
      if (p) return p
    }
  }
  return undefined
}

/** Basic reply codes (RFC 5321 §4.2.3, RFC 4954 §6) whose meaning does not depend on the words. */
function fromBasic(f: Facts): Cause | undefined {
  for (const { basic } of f.structure.smtp) {
    switch (basic) {
      case 535:
        return 'invalid_credentials'
      case 534:
        return 'auth_mechanism_unsupported'
      case 538:
        return 'starttls_required'
      case 530:
        return 'auth_required_before_send'
      case 432:
        return 'web_login_required'
      case 421:
      case 454:
        return 'server_unavailable'
      case 500:
      case 501:
      case 502:
      case 504: {
        const p = protocolStatus(f)
        if (p) return p
        break
      }
      case 550:
      case 553: {
        const command = refusedCommand(f)
        if (command === 'sender') return 'sender_not_allowed'
        if (command === 'recipient') return 'relay_denied'
        break
      }
    }
  }
  return undefined
}

/**
 * IMAP response codes (RFC 5530) and POP3 extended response codes (RFC 2449 §8, RFC 3206). `BAD` to a
 * LOGIN after the server said LOGINDISABLED is the plaintext refusal (RFC 3501 §6.2.3).
 */
const IMAP: Readonly<Record<string, Cause | ((f: Facts) => Cause)>> = {
  AUTHENTICATIONFAILED: 'invalid_credentials',
  AUTHORIZATIONFAILED: 'invalid_credentials',
  EXPIRED: 'web_login_required',
  PRIVACYREQUIRED: 'starttls_required',
  CONTACTADMIN: 'account_disabled',
  NOPERM: (f) => (f.input.protocol === 'imap' ? 'imap_disabled' : 'account_disabled'),
  INUSE: 'too_many_connections',
  UNAVAILABLE: 'server_unavailable',
  SERVERBUG: 'server_unavailable',
  LIMIT: 'rate_limited',
  OVERQUOTA: 'rate_limited',
  WEBALERT: 'web_login_required',
}

const POP3: Readonly<Record<string, Cause>> = {
  AUTH: 'invalid_credentials',
  'SYS/PERM': 'account_disabled',
  'SYS/TEMP': 'server_unavailable',
  'IN-USE': 'too_many_connections',
  'LOGIN-DELAY': 'rate_limited',
}

function fromResponseCodes(f: Facts): Cause | undefined {
  for (const code of f.structure.imapCodes) {
    const entry = IMAP[code]
    if (entry) return typeof entry === 'function' ? entry(f) : entry
  }
  for (const code of f.structure.pop3Codes) {
    const cause = POP3[code]
    if (cause) return cause
  }
  if (/LOGINDISABLED/.test(f.all) && /\bBAD\b/.test(f.all)) return 'starttls_required'
  return undefined
}

/** What the codes say, response codes first (they are the most specific), then enhanced, then basic. */
export function causeFromCodes(f: Facts): Cause | undefined {
  return fromResponseCodes(f) ?? fromEnhanced(f) ?? fromBasic(f)
}

/** One rule per cause, so the classifier's order stays the policy (classify.ts). */
export const STATUS_CODE_RULE = (cause: Cause): Rule => ({ cause, when: (f) => causeFromCodes(f) === cause })
