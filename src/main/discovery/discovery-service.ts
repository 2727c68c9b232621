import type { DiscoveryEvent } from '../../shared/discovery.js'
import type { DetectedSettings } from '../../shared/ipc/contract.js'
import { AppError } from '../app-error.js'
import { detectedSettings } from './detected-settings.js'
import { BadAddress, createDiscovery, type DiscoveryDeps } from './discover.js'
import { HostConfirmations } from './host-confirmations.js'

export interface DetectOptions {
  allowHttp?: boolean | undefined
  onEvent?: (event: DiscoveryEvent) => void
}

/**
 * The app's discovery: finds the settings for an address (reporting each lookup live) and keeps, for
 * the trust gate, which hosts need the user's confirmation before a password is sent there.
 */
export class DiscoveryService {
  readonly hosts = new HostConfirmations()
  private readonly discover: ReturnType<typeof createDiscovery>

  constructor(deps: DiscoveryDeps) {
    this.discover = createDiscovery(deps)
  }

  async detect(email: string, options: DetectOptions = {}): Promise<DetectedSettings> {
    const onEvent = options.onEvent
    try {
      const found = await this.discover(email, {
        allowHttp: options.allowHttp ?? false,
        ...(onEvent ? { onEvent: (e: Omit<DiscoveryEvent, 'email'>) => onEvent({ ...e, email }) } : {}),
      })
      this.hosts.remember(email, found)
      return detectedSettings(found)
    } catch (e) {
      if (e instanceof BadAddress) throw new AppError('INVALID_INPUT', e.message)
      throw e
    }
  }

  /** The user confirmed a host the discovery for this address could not vouch for. */
  confirm(email: string, host: string): void {
    this.hosts.confirm(email, host)
  }
}
