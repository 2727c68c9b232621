import type { Fix } from '../../shared/diagnosis.js'
import type { Provider } from '../../shared/providers.js'
import type { DiagnosisInput } from './input.js'
import { providerHint, type ProviderFamily } from './provider-hint.js'

export interface Description {
  title: string
  explanation: string
  fix: Fix
}

/** What every describer may use: the input, the provider (given or recognised in the text), the server's name. */
export interface DescribeContext {
  input: DiagnosisInput
  provider: Provider | undefined
  family: ProviderFamily | undefined
  /** The provider's name for titles, or "The server". */
  name: string
  /**
   * "the server at imap.example.com (port 993)", or "the server": always lower case at its start, so it
   * goes mid-sentence; a host name is never re-cased (it is not a word: "Localhost" is wrong).
   */
  server: string
  /** The app the account is set up in: "Mailkey" after a test, "your mail app" for a pasted message. */
  app: string
  /** Where a new password goes: "here" in Mailkey, "into your mail app" for a pasted message. */
  here: string
}

export type Describer = (ctx: DescribeContext) => Description

export function contextOf(input: DiagnosisInput): DescribeContext {
  const { provider, family } = providerHint(input)
  const server = input.host ? `the server at ${input.host}${input.port ? ` (port ${input.port})` : ''}` : 'the server'
  const pasted = input.origin === 'pasted'
  return {
    input,
    provider,
    family,
    name: provider?.name ?? 'The server',
    server,
    app: pasted ? 'your mail app' : 'Mailkey',
    here: pasted ? 'into your mail app' : 'here',
  }
}
