/** The parts of an Electron IPC event the sender check reads (structural, so it is testable in Node). */
export interface IpcEventLike {
  sender: { id: number }
  senderFrame: { url: string; parent: unknown } | null
}

/**
 * Only the app's own window, its main frame, and the app's own page may call a handler (VS Code's
 * ipcMain and GitHub Desktop's trusted-ipc-sender do the same). A sub-frame, a foreign page loaded by
 * mistake, or a destroyed frame is refused.
 */
export function isTrustedSender(
  event: IpcEventLike,
  trustedIds: ReadonlySet<number>,
  isAppUrl: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame
  if (!trustedIds.has(event.sender.id) || frame === null) return false
  return frame.parent === null && isAppUrl(frame.url)
}
