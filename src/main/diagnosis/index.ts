import type { Diagnosis } from '../../shared/diagnosis.js'
import { classify } from './classify.js'
import { describe } from './describe.js'
import type { DiagnosisInput } from './input.js'

export type { DiagnosisInput } from './input.js'

const MAX_SERVER_TEXT = 2000

/** One failure in, one cause with a plain title, the server's verbatim words and a fix out. */
export function diagnose(input: DiagnosisInput): Diagnosis {
  const cause = classify(input)
  const { title, explanation, fix } = describe(cause, input)
  return { cause, title, explanation, serverText: input.text.trim().slice(0, MAX_SERVER_TEXT), fix }
}
