import type { DiscoveryEvent } from '../../shared/discovery.js'
import type { DetectedSettings } from '../../shared/ipc/contract.js'
import { AppError } from '../app-error.js'
import { detectedSettings } from './detected-settings.js'
import { BadAddress, createDiscovery, type DiscoveryDeps } from './discover.js'
import { HostConfirmations } from './host-confirmations.js'
import { parseDiscoveryAddress } from '../../shared/discovery-address.js'

/** One address however it was typed: the local part as is, the domain in its looked-up form. */
function runKey(email: string): string | undefined {
  const parsed = parseDiscoveryAddress(email)
  return typeof parsed === 'string' ? undefined : `${parsed.localPart}@${parsed.domain}`
}

export interface DetectOptions {
  allowHttp?: boolean | undefined
  onEvent?: (event: DiscoveryEvent) => void
  /** The run can be stopped with `cancel(email)` (the wizard's runs: a newer address was typed). */
  cancellable?: boolean
}

export interface DiscoveryServiceDeps extends DiscoveryDeps {
  /** The provider database's base URL for each run (the user's setting); unset: the net's own. */
  ispdbBase?: () => string | undefined
}

/**
 * The app's discovery: finds the settings for an address (reporting each lookup live) and keeps, for
 * the trust gate, which hosts need the user's confirmation before a password is sent there. A
 * cancellable run can be stopped by its address: its lookups stop at once (their sockets closed, no
 * new one started) and it answers CANCELLED, so a run for an address the user has since changed
 * never competes with the newer one.
 */
export class DiscoveryService {
  readonly hosts = new HostConfirmations()
  private readonly discover: ReturnType<typeof createDiscovery>
  private readonly ispdbBase: () => string | undefined
  /** The cancellable runs by address (`runKey`). */
  private readonly running = new Map<string, Set<AbortController>>()

  constructor(deps: DiscoveryServiceDeps) {
    const { ispdbBase, ...discoveryDeps } = deps
    this.discover = createDiscovery(discoveryDeps)
    this.ispdbBase = ispdbBase ?? (() => undefined)
  }

  async detect(email: string, options: DetectOptions = {}): Promise<DetectedSettings> {
    const onEvent = options.onEvent
    const controller = new AbortController()
    const key = options.cancellable ? runKey(email) : undefined
    if (key !== undefined) this.running.set(key, (this.running.get(key) ?? new Set()).add(controller))
    const ispdbBase = this.ispdbBase()
    try {
      const found = await this.discover(email, {
        allowHttp: options.allowHttp ?? false,
        signal: controller.signal,
        ...(ispdbBase ? { ispdbBase } : {}),
        ...(onEvent ? { onEvent: (e: Omit<DiscoveryEvent, 'email'>) => onEvent({ ...e, email }) } : {}),
      })
      if (controller.signal.aborted) throw new AppError('CANCELLED', 'The lookup was stopped.')
      this.hosts.remember(email, found)
      return detectedSettings(found)
    } catch (e) {
      if (e instanceof BadAddress) throw new AppError('INVALID_INPUT', e.message)
      throw e
    } finally {
      const runs = key !== undefined ? this.running.get(key) : undefined
      if (runs) {
        runs.delete(controller)
        if (runs.size === 0 && key !== undefined) this.running.delete(key)
      }
    }
  }

  /** Stops every cancellable run for this address; false when none was running. */
  cancel(email: string): boolean {
    const key = runKey(email)
    const runs = key !== undefined ? this.running.get(key) : undefined
    if (!runs || key === undefined) return false
    this.running.delete(key)
    for (const controller of runs) controller.abort()
    return true
  }

  /** The user confirmed a host the discovery for this address could not vouch for. */
  confirm(email: string, host: string): void {
    this.hosts.confirm(email, host)
  }
}
