import { providerById, type Provider, type ProviderId } from '../../shared/providers.js'
import type { DiagnosisInput } from './input.js'

/**
 * Signatures that providers put in their replies (Gmail's "- gsmtp" suffix and "(Failure)" tail, Yahoo's
 * "#AUTH005" codes, iCloud's "iscream" greeting), so a pasted error gets the right provider's wording and
 * links even when nobody said which provider it came from. Only unambiguous ones: Microsoft's consumer and
 * business servers share host names (*.prod.outlook.com), so those give a family, not a provider.
 */
const SIGNATURES: readonly (readonly [RegExp, ProviderId])[] = [
  [/IMAP access is disabled for your domain/i, 'google-workspace'],
  [
    // 21haWwuZ29vZ2xlLmNvbS8 is "/mail.google.com/" inside the base64 JSON Gmail answers a bad XOAUTH2 with
    /gsmtp|\bGimap\b|\(Failure\)|google\.com|gmail|InvalidSecondFactor|BadCredentials|Application-specific password required|Username and Password not accepted|not enabled for IMAP use|21haWwuZ29vZ2xlLmNvbS8/i,
    'gmail',
  ],
  [/SmtpClientAuthentication|for the Tenant|onmicrosoft\.com|office365/i, 'microsoft-365'],
  [/hotmail|smtp-mail\.outlook\.com|\blive\.com/i, 'outlook'],
  [/#AUTH005|#MBR\d+|yahoo/i, 'yahoo'],
  [/\baol\.com\b|\bimap\.aol\b/i, 'aol'],
  [/icloud|\bme\.com\b|iscream/i, 'icloud'],
  [/zoho/i, 'zoho'],
  [/fastmail|messagingengine/i, 'fastmail'],
  [/\bgmx\b/i, 'gmx'],
]

/**
 * Exchange's own wording: the enhanced codes 5.7.60 (send as), 5.7.57 (anonymous), 5.7.139 (basic auth),
 * the store driver, NTLM-only "Unrecognized authentication type", Office 365's "authenticated but not connected".
 */
const MICROSOFT_FAMILY =
  /outlook|exchange|STOREDRV|\bMicrosoft\b|\b5\.7\.(60|57|139)\b|Unrecognized authentication type|User is authenticated but not connected|permissions to send as this sender/i

/** Mail addresses name a recipient as often as the account ("Relaying disallowed as x@gmail.com"): not a signature. */
const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g

export type ProviderFamily = 'google' | 'microsoft' | 'other'

export interface ProviderHint {
  provider: Provider | undefined
  family: ProviderFamily | undefined
}

function familyOf(id: ProviderId): ProviderFamily {
  if (id === 'gmail' || id === 'google-workspace') return 'google'
  if (id === 'outlook' || id === 'microsoft-365') return 'microsoft'
  return 'other'
}

/** The provider the input names, else the one its text gives away. */
export function providerHint(input: DiagnosisInput): ProviderHint {
  if (input.providerId) return { provider: providerById(input.providerId), family: familyOf(input.providerId) }
  const text = `${input.text}\n${input.message ?? ''}\n${input.host ?? ''}`.replace(ADDRESS, '')
  const match = SIGNATURES.find(([re]) => re.test(text))
  if (match) return { provider: providerById(match[1]), family: familyOf(match[1]) }
  if (MICROSOFT_FAMILY.test(text)) return { provider: undefined, family: 'microsoft' }
  return { provider: undefined, family: undefined }
}
