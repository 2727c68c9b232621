import { spawn } from 'node:child_process'

/**
 * Opens a URL in the user's default browser from the command line (the app uses Electron's
 * shell.openExternal instead): `xdg-open` on Linux, `open` on macOS, `start` on Windows, detached so
 * the CLI does not wait for the browser. Rejects when the opener cannot be started.
 */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<void> {
  const [cmd, args] =
    platform === 'darwin'
      ? ['open', [url]]
      : platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
        : ['xdg-open', [url]]
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { detached: true, stdio: 'ignore' })
    child.once('error', reject)
    child.once('spawn', () => {
      child.unref()
      resolve()
    })
  })
}
