/**
 * The domains of the discovery test zone, one per case (test/bed/discovery-zone.ts). The bed's
 * server certificate is valid for each of them and all their sub-domains, so the local autoconfig
 * server and the bed's mail servers pass certificate checks under these names, as real ones would.
 */
export const DISCOVERY_DOMAINS = [
  'published.test',
  'wellknown.test',
  'plainhttp.test',
  'workspace.test',
  'workspace-legacy.test',
  'm365.test',
  'm365new.test',
  'hosted.test',
  'hostco.test',
  'srvonly.test',
  'srvdot.test',
  'guess.test',
  'badxml.test',
  'bigxml.test',
  'redirect.test',
  'xn--bcher-kva.test',
  'elsewhere.test',
  'blackhole.test',
  // issue 17: the office's own autoconfig file, exported by Mailkey and published
  'office.test',
] as const

/** subjectAltName entries: each domain and `*.` it. */
export function discoverySubjectAltNames(): string {
  return DISCOVERY_DOMAINS.flatMap((d) => [`DNS:${d}`, `DNS:*.${d}`]).join(',')
}
