import { createServer, connect } from 'node:net'
import type { ChildProcess } from 'node:child_process'

/** A port the OS says is free on 127.0.0.1 right now (bind to 0, read it, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

function readFirstLine(host: string, port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = connect({ host, port })
    let buf = ''
    const timer = setTimeout(() => {
      sock.destroy()
      reject(new Error(`no greeting from ${host}:${port} within ${timeoutMs} ms`))
    }, timeoutMs)
    sock.on('data', (c: Buffer) => {
      buf += c.toString('latin1')
      const nl = buf.indexOf('\n')
      if (nl >= 0) {
        clearTimeout(timer)
        sock.destroy()
        resolve(buf.slice(0, nl).trim())
      }
    })
    sock.on('error', (e) => {
      clearTimeout(timer)
      reject(e)
    })
  })
}

/** Polls until the server on host:port greets with a line matching `pattern`; bounded in time. */
export async function waitForGreeting(
  host: string,
  port: number,
  pattern: RegExp,
  timeoutMs: number,
  child?: ChildProcess,
): Promise<string> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`process exited with code ${child.exitCode}`)
    try {
      const line = await readFirstLine(host, port, Math.max(100, deadline - Date.now()))
      if (pattern.test(line)) return line
      last = new Error(`unexpected greeting: ${line}`)
    } catch (e) {
      last = e
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw last instanceof Error ? last : new Error(`timed out waiting for ${host}:${port}`)
}

/** Waits for a child process to exit; SIGKILL after `timeoutMs`. */
export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}
