import type { Diagnosis } from '../../../shared/diagnosis.js'
import { ExplainErrorInput } from '../../../shared/ipc/contract.js'
import { assertNever, type Result } from '../../../shared/result.js'

/** Where the error happened, if the user knows: '' is "not sure". */
export type ExplainProtocol = '' | 'smtp' | 'imap' | 'pop3'

export type ExplainRequest =
  | { status: 'idle' }
  | { status: 'explaining'; requestId: number }
  | { status: 'explained'; requestId: number; diagnosis: Diagnosis }
  | { status: 'failed'; requestId: number; message: string }

export interface ExplainState {
  text: string
  protocol: ExplainProtocol
  /** What is wrong with the text, once the user asked for an explanation. */
  problem: string | null
  request: ExplainRequest
}

export type ExplainAction =
  | { type: 'textChanged'; text: string }
  | { type: 'protocolChanged'; protocol: ExplainProtocol }
  /** `requestId` comes from the caller so the reducer stays pure and late answers can be told apart. */
  | { type: 'submitted'; requestId: number }
  | { type: 'finished'; requestId: number; result: Result<Diagnosis> }

export const initialExplainState: ExplainState = { text: '', protocol: '', problem: null, request: { status: 'idle' } }

/** The same rule main applies (the contract's schema), so the message matches. */
export function textProblem(text: string): string | null {
  const parsed = ExplainErrorInput.shape.text.safeParse(text)
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'Paste the error message.')
}

/** What main is asked: the text, and the protocol when the user chose one. */
export function explainInput(state: ExplainState): { text: string; protocol?: 'smtp' | 'imap' | 'pop3' } {
  return { text: state.text, ...(state.protocol ? { protocol: state.protocol } : {}) }
}

/** Whether submitting now asks main: there is text to explain and no request already in flight. */
export function willExplain(state: ExplainState): boolean {
  return state.request.status !== 'explaining' && textProblem(state.text) === null
}

export function explainReducer(state: ExplainState, action: ExplainAction): ExplainState {
  switch (action.type) {
    case 'textChanged':
      // a problem shown goes once the text is fixed, never appears while typing
      return { ...state, text: action.text, problem: state.problem && textProblem(action.text) }
    case 'protocolChanged':
      return { ...state, protocol: action.protocol }
    case 'submitted': {
      if (state.request.status === 'explaining') return state
      const problem = textProblem(state.text)
      if (problem) return { ...state, problem }
      return { ...state, problem: null, request: { status: 'explaining', requestId: action.requestId } }
    }
    case 'finished': {
      const r = state.request
      if (r.status !== 'explaining' || r.requestId !== action.requestId) return state
      return {
        ...state,
        request: action.result.ok
          ? { status: 'explained', requestId: r.requestId, diagnosis: action.result.value }
          : { status: 'failed', requestId: r.requestId, message: action.result.error.message },
      }
    }
    default:
      return assertNever(action)
  }
}
