import type { CheckAllEvent } from '../../shared/check-all.js'
import { CHANNELS, EVENTS, METHODS } from '../../shared/ipc/channels.js'
import type { DiscoveryEvent } from '../../shared/discovery.js'
import type { StageEvent } from '../../shared/report.js'
import { fail } from '../../shared/result.js'
import type { IpcMainLike } from '../electron-surface.js'
import { dispatch } from './dispatch.js'
import type { Handlers } from './handlers.js'
import { isTrustedSender } from './trusted-sender.js'

/**
 * The only file that registers IPC handlers: every channel is registered here, each call checked for
 * its sender before its input is parsed and its handler runs. Returns what removes them all again
 * (the clean-up on quit).
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: Handlers,
  trustedIds: ReadonlySet<number>,
  isAppUrl: (url: string) => boolean,
  log: (message: string) => void,
): () => void {
  for (const method of METHODS) {
    ipcMain.handle(CHANNELS[method], (event, raw: unknown) => {
      if (!isTrustedSender(event, trustedIds, isAppUrl)) {
        log(`refused ${CHANNELS[method]} from an untrusted sender`)
        return Promise.resolve(fail('FORBIDDEN', 'This window may not use Mailkey.'))
      }
      const send = (channel: string, payload: unknown): void => {
        if (!event.sender.isDestroyed()) event.sender.send(channel, payload)
      }
      const emit = (e: StageEvent): void => send(EVENTS.testProgress, e)
      const emitCheckAll = (e: CheckAllEvent): void => send(EVENTS.checkAllProgress, e)
      const emitDiscovery = (e: DiscoveryEvent): void => send(EVENTS.discoveryProgress, e)
      return dispatch(handlers, method, raw, { emit, emitCheckAll, emitDiscovery }, log)
    })
  }
  return () => METHODS.forEach((method) => ipcMain.removeHandler(CHANNELS[method]))
}
