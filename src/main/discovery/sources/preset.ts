import { providerForAddress } from '../../../shared/providers.js'
import { providerFinding } from '../provider-finding.js'
import type { Source } from '../types.js'

/** Mailkey's own list of providers, by the address's domain: no network at all. */
export const presetSource: Source = {
  id: 'preset',
  local: true,
  run({ address, catalog }) {
    const provider = providerForAddress(`${address.localPart}@${address.domain}`, catalog)
    return Promise.resolve(
      provider ? providerFinding(provider, address, 'Mailkey’s list of providers', [address.domain]) : null,
    )
  },
}
