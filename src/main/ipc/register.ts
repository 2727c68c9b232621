import { ipcMain } from 'electron'
import { CHANNELS, EVENTS, METHODS } from '../../shared/ipc/channels.js'
import type { DiscoveryEvent } from '../../shared/discovery.js'
import type { StageEvent } from '../../shared/report.js'
import { fail } from '../../shared/result.js'
import { dispatch } from './dispatch.js'
import type { Handlers } from './handlers.js'
import { isTrustedSender } from './trusted-sender.js'

/**
 * The only file that touches ipcMain: every channel is registered here, each call checked for its
 * sender before its input is parsed and its handler runs.
 */
export function registerIpc(
  handlers: Handlers,
  trustedIds: ReadonlySet<number>,
  isAppUrl: (url: string) => boolean,
  log: (message: string) => void,
): void {
  for (const method of METHODS) {
    ipcMain.handle(CHANNELS[method], (event, raw: unknown) => {
      if (!isTrustedSender(event, trustedIds, isAppUrl)) {
        log(`refused ${CHANNELS[method]} from an untrusted sender`)
        return fail('FORBIDDEN', 'This window may not use Mailkey.')
      }
      const send = (channel: string, payload: unknown): void => {
        if (!event.sender.isDestroyed()) event.sender.send(channel, payload)
      }
      const emit = (e: StageEvent): void => send(EVENTS.testProgress, e)
      const emitDiscovery = (e: DiscoveryEvent): void => send(EVENTS.discoveryProgress, e)
      return dispatch(handlers, method, raw, { emit, emitDiscovery }, log)
    })
  }
}
