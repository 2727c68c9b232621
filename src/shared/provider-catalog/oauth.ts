import type { OAuthPreset } from '../providers.js'

/**
 * Google (https://developers.google.com/identity/protocols/oauth2/native-app, scope from
 * https://developers.google.com/gmail/imap/xoauth2-protocol): `access_type=offline` asks for a refresh
 * token, `prompt=consent` asks for a new one on every sign-in (Google sends it only on first consent
 * otherwise).
 */
export const GOOGLE_OAUTH: OAuthPreset = {
  kind: 'google',
  issuer: 'https://accounts.google.com',
  authorizationEndpoint: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenEndpoint: 'https://oauth2.googleapis.com/token',
  revocationEndpoint: 'https://oauth2.googleapis.com/revoke',
  scope: 'https://mail.google.com/',
  authorizationParams: { access_type: 'offline', prompt: 'consent' },
  consoleUrl: 'https://console.cloud.google.com/apis/credentials',
  guideUrl: 'https://developers.google.com/identity/protocols/oauth2/native-app',
}

/**
 * Microsoft identity platform, `common` tenant (work, school and personal accounts), scopes from
 * https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth
 * (the same for Outlook.com and Microsoft 365). `offline_access` asks for a refresh token. No revocation
 * endpoint: a Microsoft sign-in is ended on the account's own page.
 */
export const MICROSOFT_OAUTH: OAuthPreset = {
  kind: 'microsoft',
  issuer: 'https://login.microsoftonline.com/common/v2.0',
  authorizationEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
  tokenEndpoint: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
  revocationEndpoint: null,
  scope:
    'https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/POP.AccessAsUser.All https://outlook.office.com/SMTP.Send offline_access',
  authorizationParams: {},
  consoleUrl: 'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
  guideUrl:
    'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
}
