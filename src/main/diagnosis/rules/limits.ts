import { has, type Rule } from '../facts.js'

/**
 * Gmail answers a 16th IMAP connection with NO [ALERT]… even inside an XOAUTH2 exchange (MailKit#377);
 * Dovecot sends NO [UNAVAILABLE] Maximum number of connections…; POP3 [IN-USE] is a locked maildrop.
 * Runs before the account rules so such an exchange is not read as a bad token.
 */
export const CONNECTION_LIMIT_RULE: Rule = {
  cause: 'too_many_connections',
  when: has(
    /too many (simultaneous |concurrent |open |active )?(SMTP |IMAP )?connections|Maximum number of connections|connections? limit exceeded|mail_max_userip_connections|mailbox already in use|\[IN-USE\]/i,
  ),
}

/** Limits and temporary states: they come before the login rules because they often arrive as a login failure. */
export const LIMIT_RULES: readonly Rule[] = [
  {
    cause: 'sending_limit',
    when: has(
      /\b5\.4\.5\b|sending (quota|limit)|SubmissionQuotaExceeded|RefuseQuota|OutboundSpamException|messages per (day|hour)( exceeded)?|message quota exceeded|queue quota exceeded|too many (e-?mails|messages)|exceeded .{0,20}hour(ly)? limit|max emails per hour|24-hour sending limit|max defers and failures per hour/i,
    ),
  },
  {
    cause: 'rate_limited',
    when: has(
      /Too many (failed |bad |invalid )?(login|auth(entication)?) (attempts|failures)|exceeded command or bandwidth limits|bandwidth limit|\[OVERQUOTA\]|\[THROTTLED\]|rate limit|rate-limited|throttl|try again in \d+ (seconds|minutes)|temporarily blocked|limit for logins/i,
    ),
  },
  {
    // Temporary failures that would otherwise read as a refused login ("Temporary authentication failure")
    cause: 'server_unavailable',
    when: has(
      /Temporary authentication failure|Temporary System Problem|Service not (available|active)|\bServer Unavailable\b|\[UNAVAILABLE\]|\[SERVERBUG\]|Internal error occurred|\b4\.3\.2\b|Insufficient system (resources|storage)|TLS not available/i,
    ),
  },
]
