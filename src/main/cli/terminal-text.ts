import type { CliIo } from './io.js'

/**
 * C0 controls but tab and line feed (ESC starts every terminal escape; CR rewrites a line), DEL, C1
 * controls (U+009B is CSI on its own in some terminals), and the bidi controls that reorder what is
 * shown (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu

/**
 * Text as a terminal may show it: every control character dropped. Server greetings, certificate
 * fields and host names from settings are foreign text: a greeting carrying `ESC]0;…` and `ESC[2J`
 * retitled and cleared the terminal and printed a fake verdict (issue 12, fault 5).
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, '')
}

/**
 * The CLI's io with every write made printable, so no command can print foreign text raw. JSON stays
 * valid: `JSON.stringify` already escapes C0 controls, and dropping a C1 or bidi control from a string
 * leaves a string.
 */
export function printableIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: { write: (s: string) => io.stdout.write(printable(s)) },
    stderr: {
      write: (s: string) => io.stderr.write(printable(s)),
      ...(io.stderr.isTTY !== undefined ? { isTTY: io.stderr.isTTY } : {}),
    },
  }
}
