import type { ConnectionOptions } from './protocol-options.js'
import { handshakeReached, secondLookSocket } from './proxy/second-look.js'

/**
 * After a plaintext greeting never came: does this port speak TLS from the first byte? A completed
 * handshake, or one that got as far as a certificate, proves it (the 993-with-STARTTLS mix-up), while
 * a server that is merely hung fails this too. Nothing but a ClientHello is sent.
 */
export async function speaksImplicitTls(
  host: string,
  port: number,
  conn: Pick<ConnectionOptions, 'trust' | 'resolve' | 'proxy'>,
  timeoutMs: number,
): Promise<boolean> {
  const socket = await secondLookSocket(host, port, conn, timeoutMs)
  return socket ? handshakeReached(socket, timeoutMs) : false
}
