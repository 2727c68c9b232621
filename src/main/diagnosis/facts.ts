import type { Cause } from '../../shared/diagnosis.js'
import type { DiagnosisInput } from './input.js'
import { portInText } from './port-hints.js'
import { structureOf, type TextStructure } from './structure.js'

/** What the rules look at: every piece of text in one string, every code-shaped word, the structure. */
export interface Facts {
  /** Server text, library message and code in one string, for text rules. */
  all: string
  /** The given code, the SMTP reply code, and every code-shaped word of the text (ENOTFOUND, CERT_HAS_EXPIRED). */
  codes: readonly string[]
  /** Reply codes, enhanced status codes, response codes and XOAUTH2 refusals found in the text. */
  structure: TextStructure
  /** The port in use: the probe's, else one the text names ("smtp.gmail.com:465", "port 587"). */
  port: number | undefined
  input: DiagnosisInput
}

/** One classification rule; the first that matches (in the order of classify.ts) names the cause. */
export interface Rule {
  cause: Cause
  when: (f: Facts) => boolean
}

export const has =
  (re: RegExp) =>
  (f: Facts): boolean =>
    re.test(f.all)

export const code =
  (...wanted: string[]) =>
  (f: Facts): boolean =>
    f.codes.some((c) => wanted.includes(c))

export const either =
  (...tests: ((f: Facts) => boolean)[]) =>
  (f: Facts): boolean =>
    tests.some((t) => t(f))

/** Node-style error codes in free text ("getaddrinfo ENOTFOUND smtp.gmial.com" → ENOTFOUND). */
function codesInText(text: string): string[] {
  return (
    text.match(
      /\b(?:E[A-Z]{3,}[A-Z_]*|ERR_[A-Z_]+|[A-Z]+(?:_[A-Z]+)*_CERT(?:_[A-Z]+)*|CERT_[A-Z_]+|UNABLE_TO_[A-Z_]+|[A-Z]+_TIMEOUT)\b/g,
    ) ?? []
  )
}

export function factsOf(input: DiagnosisInput): Facts {
  const text = `${input.text}\n${input.message ?? ''}`
  const codes = [
    ...(input.code ? [input.code] : []),
    ...(input.responseCode !== undefined ? [String(input.responseCode)] : []),
    ...codesInText(text),
  ]
  const structure = structureOf(text)
  if (input.responseCode !== undefined && !structure.smtp.some((r) => r.basic === input.responseCode)) {
    structure.smtp.unshift({ basic: input.responseCode })
  }
  const port = input.port ?? portInText(text)
  return { all: `${text}\n${input.code ?? ''}`, codes, structure, port, input }
}
