import type { Provider } from '../providers.js'

/**
 * Sending relays: outgoing only, each with its own rule for the SMTP user name. They belong to an alias
 * with its own outgoing server, never to an address's domain, so they have no domains or MX hosts.
 */

const SENDGRID = 'https://www.twilio.com/docs/sendgrid/for-developers/sending-email/integrating-with-the-smtp-api'
const MAILGUN = 'https://documentation.mailgun.com/docs/mailgun/user-manual/smtp-protocol/'
const SES = 'https://docs.aws.amazon.com/ses/latest/dg/smtp-connect.html'
const BREVO = 'https://developers.brevo.com/docs/smtp-integration'
const POSTMARK = 'https://postmarkapp.com/support/article/811-what-are-the-smtp-details-api-tokens-i-should-be-using'

const relay = { domains: [], mxSuffixes: [], incoming: {}, signIn: 'password', kind: 'relay' } as const

export const RELAYS: readonly Provider[] = [
  {
    ...relay,
    id: 'sendgrid',
    name: 'SendGrid',
    outgoing: [
      { host: 'smtp.sendgrid.net', port: 587, security: 'starttls' },
      { host: 'smtp.sendgrid.net', port: 465, security: 'tls' },
    ],
    username: { fixed: 'apikey' },
    helpUrl: SENDGRID,
    note: 'The user name is the word “apikey”; the password is an API key with Mail Send permission.',
    sources: { servers: SENDGRID },
  },
  {
    ...relay,
    id: 'mailgun',
    name: 'Mailgun',
    outgoing: [
      { host: 'smtp.mailgun.org', port: 587, security: 'starttls' },
      { host: 'smtp.mailgun.org', port: 465, security: 'tls' },
    ],
    helpUrl: MAILGUN,
    note: 'Sign in with the SMTP login of your Mailgun sending domain (a full address such as postmaster@mg.example.com); EU accounts use smtp.eu.mailgun.org.',
    sources: { servers: MAILGUN },
  },
  {
    ...relay,
    id: 'amazon-ses',
    name: 'Amazon SES',
    outgoing: [
      { host: 'email-smtp.us-east-1.amazonaws.com', port: 587, security: 'starttls' },
      { host: 'email-smtp.us-east-1.amazonaws.com', port: 465, security: 'tls' },
    ],
    helpUrl: SES,
    note: 'Use your region’s host (email-smtp.<region>.amazonaws.com) and SES SMTP credentials, which differ from AWS access keys.',
    sources: { servers: SES },
  },
  {
    ...relay,
    id: 'brevo',
    name: 'Brevo',
    outgoing: [
      { host: 'smtp-relay.brevo.com', port: 587, security: 'starttls' },
      { host: 'smtp-relay.brevo.com', port: 465, security: 'tls' },
    ],
    helpUrl: BREVO,
    note: 'Sign in with the SMTP login shown under SMTP & API, and an SMTP key (not an API key) as the password.',
    sources: { servers: BREVO },
  },
  {
    ...relay,
    id: 'postmark',
    name: 'Postmark',
    outgoing: [{ host: 'smtp.postmarkapp.com', port: 587, security: 'starttls' }],
    helpUrl: POSTMARK,
    note: 'The Server API token is both the user name and the password.',
    sources: { servers: POSTMARK },
  },
]
