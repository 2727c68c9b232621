import type { Fix } from '../../shared/diagnosis.js'
import type { Security } from '../../shared/mail.js'
import { PROVIDER_PAGES, type Provider } from '../../shared/providers.js'
import type { Endpoint } from './port-hints.js'

export const SECURITY_LABEL: Record<Security, string> = { tls: 'SSL/TLS', starttls: 'STARTTLS', none: 'no encryption' }

export function switchFix(target: Endpoint): Fix {
  return {
    kind: 'switch-security',
    ...target,
    label: `Use port ${target.port} with ${SECURITY_LABEL[target.security]}`,
  }
}

/** The provider's own page for creating app passwords (Google's when the provider is unknown). */
export function appPasswordFix(p: Provider | undefined): Fix {
  const url = p?.appPassword?.createUrl ?? PROVIDER_PAGES.googleAppPasswords
  return { kind: 'open-url', url, label: `Open ${p?.appPassword ? p.name : 'Gmail'}’s App passwords page` }
}

export function replacePasswordFix(what = 'password'): Fix {
  return { kind: 'replace-password', label: `Enter the new ${what}` }
}

export function openUrl(url: string, label: string): Fix {
  return { kind: 'open-url', url, label }
}
