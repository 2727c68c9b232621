import type * as ImapflowModule from 'imapflow'
import type * as NodemailerModule from 'nodemailer'
import type * as SmtpConnectionModule from 'nodemailer/lib/smtp-connection'

/**
 * The mail libraries, loaded the first time a server is talked to rather than when the app or the CLI
 * starts: a command that needs no network (`mailkey diagnose`, `--help`, `alias list`) then starts
 * about as fast as Node itself (`npm run bench` measures the ratio). Each loader is cached.
 */
let imapflow: Promise<typeof ImapflowModule> | undefined
let nodemailer: Promise<typeof NodemailerModule> | undefined
let smtpConnection: Promise<typeof SmtpConnectionModule> | undefined

export function loadImapflow(): Promise<typeof ImapflowModule> {
  return (imapflow ??= import('imapflow'))
}

export function loadNodemailer(): Promise<typeof NodemailerModule> {
  return (nodemailer ??= import('nodemailer'))
}

export function loadSmtpConnection(): Promise<typeof SmtpConnectionModule> {
  return (smtpConnection ??= import('nodemailer/lib/smtp-connection'))
}
