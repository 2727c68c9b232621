import type { ProviderId } from '../../../shared/providers.js'

/** Gmail or Google Workspace: the accounts where Google's own pages and habits apply. */
export function isGoogle(id: ProviderId | null | undefined): boolean {
  return id === 'gmail' || id === 'google-workspace'
}
