import { PROVIDER_PAGES, type ProviderId } from '../providers.js'

/** Where to put a filter by hand when the server takes no upload: the words, and the provider's page. */
export interface PastePlace {
  text: string
  url?: string
}

const OWN_RULES: Partial<Record<ProviderId, string>> = {
  outlook: 'Outlook.com',
  'microsoft-365': 'Microsoft 365',
  yahoo: 'Yahoo Mail',
  aol: 'AOL Mail',
  icloud: 'iCloud Mail',
  zoho: 'Zoho Mail',
  gmx: 'GMX',
}

/**
 * Where the user can paste the script (or rebuild the rules) for this provider. Gmail and the other
 * big providers run no Sieve of their users'; Fastmail does, in its settings; most hosting companies'
 * web mail (Roundcube's managesieve plugin) takes the raw script.
 */
export function pastePlace(providerId: ProviderId | null): PastePlace {
  if (providerId === 'gmail' || providerId === 'google-workspace') {
    return {
      text: 'Gmail does not run Sieve scripts. Make the same rules as Gmail filters: Settings → Filters and Blocked Addresses → Create a new filter (one for the addresses and domains in "From", one for the keywords in "Subject").',
      url: PROVIDER_PAGES.gmailFilters,
    }
  }
  if (providerId === 'fastmail') {
    return {
      text: 'Fastmail runs Sieve: open Settings → Mail rules → Edit custom Sieve code, and paste the script into one of the editable blocks.',
      url: PROVIDER_PAGES.fastmailSieve,
    }
  }
  const own = providerId ? OWN_RULES[providerId] : undefined
  if (own)
    return {
      text: `${own} does not take Sieve scripts. Make the same rules in its own web mail settings (Rules or Filters).`,
    }
  return {
    text: "Paste the script where your host's web mail keeps filters: in Roundcube (cPanel, Plesk and many hosts) that is Settings → Filters → Actions → Edit filter set; other web mail calls it Sieve or mail filters. Or ask your host for the ManageSieve address.",
  }
}
