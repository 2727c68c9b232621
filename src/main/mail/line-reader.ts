import type { Socket } from 'node:net'
import { READ_LIMITS, readLimitFacts } from '../read-limits.js'
import { bounded } from './bounded.js'
import { ProbeFailure, type FailureFacts } from './probe-failure.js'

/**
 * CRLF line reader over a socket, for the small hand-written POP3 probe. Each read has its own
 * deadline and honours the cancel signal; a peer that closes, or sends more unread bytes than one line
 * may hold (READ_LIMITS.lineBytes), fails the read and the socket is closed.
 */
export class LineReader {
  private buffer = ''
  private waiting: ((line: string | Error) => void) | undefined
  private closed: Error | undefined

  constructor(readonly socket: Socket) {
    socket.on('data', this.onData)
    socket.on('close', this.onClose)
    socket.on('error', this.onError)
  }

  /** Bytes the server sent that no read has taken yet (checked after STLS: RFC 2595 §4). */
  get pending(): string {
    return this.buffer
  }

  detach(): void {
    this.socket.off('data', this.onData)
    this.socket.off('close', this.onClose)
    this.socket.off('error', this.onError)
  }

  read(timeoutMs: number, signal: AbortSignal, onTimeout: () => FailureFacts): Promise<string> {
    return bounded<string>(
      { signal, timeoutMs, onTimeout, cleanup: () => this.socket.destroy() },
      (resolve, reject) => {
        const line = this.take()
        if (line !== undefined) return resolve(line)
        if (this.closed) return reject(this.closed)
        this.waiting = (value) => {
          this.waiting = undefined
          if (value instanceof Error) reject(value)
          else resolve(value)
        }
      },
    )
  }

  private take(): string | undefined {
    const nl = this.buffer.indexOf('\n')
    if (nl < 0) return undefined
    const line = this.buffer.slice(0, nl).replace(/\r$/, '')
    this.buffer = this.buffer.slice(nl + 1)
    return line
  }

  private readonly onData = (chunk: Buffer): void => {
    this.buffer += chunk.toString('utf8')
    // a JS string's length counts UTF-16 units, never more than the UTF-8 bytes they came from
    if (this.buffer.length > READ_LIMITS.lineBytes) {
      this.buffer = ''
      this.fail(new ProbeFailure(readLimitFacts('line', READ_LIMITS.lineBytes)))
      this.socket.destroy()
      return
    }
    if (this.waiting) {
      const line = this.take()
      if (line !== undefined) this.waiting(line)
    }
  }

  private readonly onClose = (): void =>
    this.fail(new ProbeFailure({ code: 'ECONNRESET', message: 'The server closed the connection' }))

  private readonly onError = (e: Error & { code?: string }): void =>
    this.fail(new ProbeFailure({ message: e.message, ...(e.code ? { code: e.code } : {}) }))

  private fail(error: Error): void {
    this.closed ??= error
    this.waiting?.(this.closed)
  }
}
