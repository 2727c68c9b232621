import type { Socket } from 'node:net'
import { bounded } from '../bounded.js'
import { ProbeFailure } from '../probe-failure.js'
import { parseLine, SieveProtocolError, type Token } from './response.js'

/** The end of a command: OK, NO or BYE, with its response code and human-readable text. */
export interface SieveResponse {
  status: 'OK' | 'NO' | 'BYE'
  /** The response code's name, upper-case (QUOTA, WARNINGS, NONEXISTENT, …), when there is one. */
  code?: string
  text: string
  /** The lines before it (capabilities, script lists), as their string values. */
  data: string[][]
}

const MAX_BUFFER = 512 * 1024
const MAX_DATA_LINES = 1000

/**
 * One ManageSieve connection's reading side: buffers the socket and hands out whole responses. Each
 * read has its own deadline and honours the cancel signal; a peer that closes, floods or speaks
 * nonsense fails the read (ProbeFailure with EPROTOCOL or ECONNRESET).
 */
export class SieveReader {
  private buffer = Buffer.alloc(0)
  private wake: (() => void) | undefined
  private closed: Error | undefined

  constructor(readonly socket: Socket) {
    socket.on('data', this.onData)
    socket.on('close', this.onClose)
    socket.on('error', this.onError)
  }

  /** Bytes nobody has read yet (must be none right after STARTTLS, as for IMAP: RFC 2595 §4). */
  get pending(): number {
    return this.buffer.length
  }

  detach(): void {
    this.socket.off('data', this.onData)
    this.socket.off('close', this.onClose)
    this.socket.off('error', this.onError)
  }

  /** Reads data lines up to and including the OK/NO/BYE that ends them. */
  read(timeoutMs: number, signal: AbortSignal): Promise<SieveResponse> {
    const data: string[][] = []
    return bounded<SieveResponse>(
      {
        signal,
        timeoutMs,
        onTimeout: () => ({
          code: 'ETIMEDOUT',
          message: `The ManageSieve server did not answer within ${timeoutMs} ms`,
        }),
        cleanup: () => this.socket.destroy(),
      },
      (resolve, reject) => {
        const step = (): void => {
          try {
            for (let line = this.take(); line; line = this.take()) {
              const end = ending(line)
              if (end) return resolve({ ...end, data })
              if (data.length >= MAX_DATA_LINES) throw new SieveProtocolError('The server sent too many lines.')
              data.push(line.map((t) => t.value))
            }
          } catch (e) {
            return reject(new ProbeFailure({ code: 'EPROTOCOL', message: (e as Error).message }))
          }
          if (this.closed) return reject(this.closed)
          this.wake = step
        }
        step()
      },
    )
  }

  private take(): Token[] | null {
    const parsed = parseLine(this.buffer)
    if (!parsed) return null
    this.buffer = this.buffer.subarray(parsed.length)
    return parsed.tokens
  }

  private readonly onData = (chunk: Buffer): void => {
    this.buffer = Buffer.concat([this.buffer, chunk])
    if (this.buffer.length > MAX_BUFFER) {
      this.fail(new ProbeFailure({ code: 'EPROTOCOL', message: 'The ManageSieve server sent too much at once' }))
      this.socket.destroy()
      return
    }
    this.poke()
  }

  private readonly onClose = (): void =>
    this.fail(new ProbeFailure({ code: 'ECONNRESET', message: 'The ManageSieve server closed the connection' }))

  private readonly onError = (e: Error & { code?: string }): void =>
    this.fail(new ProbeFailure({ message: e.message, ...(e.code ? { code: e.code } : {}) }))

  private fail(error: Error): void {
    this.closed ??= error
    this.poke()
  }

  private poke(): void {
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }
}

function ending(tokens: Token[]): Omit<SieveResponse, 'data'> | null {
  const [first, ...rest] = tokens
  const status = first?.type === 'atom' ? first.value.toUpperCase() : ''
  if (status !== 'OK' && status !== 'NO' && status !== 'BYE') return null
  const code = rest[0]?.type === 'code' ? rest.shift()?.value : undefined
  const text = rest.find((t) => t.type === 'string')?.value ?? ''
  // QUOTA/MAXSIZE keeps its sub-code (RFC 5804 §1.3); SASL "..." and TAG "..." keep just their name
  const name = code?.trim().split(' ')[0]?.toUpperCase()
  return { status, ...(name ? { code: name } : {}), text }
}
