/** The only web permission the page gets: writing plain text to the clipboard ("Copy details"). */
const ALLOWED: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/**
 * Electron grants every permission by default. Mailkey's page needs none but copying support details,
 * and only its own page gets even that: camera, notifications, geolocation, clipboard reading... are
 * refused.
 */
export function permissionAllowed(
  permission: string,
  requestingUrl: string,
  isAppUrl: (url: string) => boolean,
): boolean {
  return ALLOWED.has(permission) && isAppUrl(requestingUrl)
}
