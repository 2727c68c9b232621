import type { IncomingServer, Server } from './mail.js'

// Apart from mail.ts (its zod schemas): the saving path uses this in CLI commands that load no schema
// library (test/main/cli-startup.test.ts).

/**
 * The same server for a saved secret: protocol, host (any case, without a trailing dot), port and
 * security all equal. A saved secret is used only with the servers it was saved for (issue 12).
 */
export function sameServer(a: Server | IncomingServer, b: Server | IncomingServer): boolean {
  const protocol = (s: Server | IncomingServer): string => ('protocol' in s ? s.protocol : 'smtp')
  const host = (s: Server): string => s.host.toLowerCase().replace(/\.$/, '')
  return protocol(a) === protocol(b) && host(a) === host(b) && a.port === b.port && a.security === b.security
}
