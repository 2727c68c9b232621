import type { ProviderId } from '../../../shared/providers.js'

/**
 * Where each provider hides its app passwords, in the words of its own pages. The links themselves
 * come from the provider catalog (src/shared/providers.ts); only the directions live here.
 */
export interface Guidance {
  /** What to switch on first, when the provider asks for it. */
  before?: string
  /** Where to go once the page is open. */
  where: string
  /** The button that opens the provider's page. */
  openLabel: string
  /** What blocks app passwords, or anything else worth knowing. */
  note?: string
}

const GOOGLE: Guidance = {
  before: 'Turn on 2-Step Verification for your account, if it is not on already.',
  where: 'Create an app password. Any name will do, for example “Mailkey”.',
  openLabel: 'Open App passwords',
  note: 'No “App passwords” page? Google hides it when 2-Step Verification is off, when the account signs in with security keys only, under Advanced Protection, or when a Workspace administrator has turned app passwords off. Then ask your administrator, or use “Sign in with Google” in a mail app that offers it.',
}

export const GUIDANCE: Partial<Record<ProviderId, Guidance>> = {
  gmail: GOOGLE,
  'google-workspace': GOOGLE,
  yahoo: {
    where:
      'Sign in, open Account security, and choose “Generate app password” (Yahoo may call it “Manage app passwords”). Name it “Mailkey”.',
    openLabel: 'Open Yahoo Account security',
  },
  aol: {
    where: 'Sign in, open Account security, and choose “Generate app password”. Name it “Mailkey”.',
    openLabel: 'Open AOL Account security',
  },
  icloud: {
    before: 'Your Apple Account needs two-factor authentication (most have it already).',
    where: 'Sign in, open Sign-In and Security, choose “App-Specific Passwords” and create one named “Mailkey”.',
    openLabel: 'Open your Apple Account',
    note: 'Sign in to iCloud Mail with your iCloud address (name@icloud.com), even if your Apple Account uses another address.',
  },
  fastmail: {
    where:
      'Open Settings → Privacy & Security → “Manage app passwords and access”, choose “New app password” and give it access to Mail (IMAP/POP/SMTP).',
    openLabel: 'Open Fastmail app passwords',
  },
  zoho: {
    where:
      'If your Zoho account uses two-factor authentication, open Security → App Passwords and generate one named “Mailkey”. Otherwise your normal password works.',
    openLabel: 'Open Zoho app passwords',
    note: 'Zoho Mail also needs IMAP or POP access switched on under Settings → Mail Accounts.',
  },
}
