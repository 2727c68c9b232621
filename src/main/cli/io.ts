import type { z } from 'zod'

/** What a CLI command may touch: injected so tests run commands in-process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream
  stdout: { write(s: string): unknown }
  stderr: { write(s: string): unknown; isTTY?: boolean }
  env: NodeJS.ProcessEnv
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

/** A usage or input error: printed with the usage hint, exit 2, nothing else done. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Parses a flag's value with a shared schema; its first message becomes the usage error. */
export function parseFlag<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const r = schema.safeParse(value)
  if (!r.success) throw new UsageError(`${flag}: ${r.error.issues[0]?.message ?? 'invalid'}`)
  return r.data
}

const MAX_STDIN = 1024 * 1024

/** Reads a secret from stdin (up to 1 MB), dropping one trailing newline. */
export async function readSecret(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += buf.length
    if (size > MAX_STDIN) throw new UsageError('The password on stdin is too long (over 1 MB).')
    chunks.push(buf)
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

/** `--timeout-ms N`: one cap for every network step, 500-120000 ms; undefined when not given. */
export function timeoutFlag(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  const ms = Number(raw)
  if (!Number.isInteger(ms) || ms < 500 || ms > 120_000) {
    throw new UsageError('--timeout-ms must be a whole number of milliseconds between 500 and 120000')
  }
  return ms
}
