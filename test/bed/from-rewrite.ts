/**
 * What Gmail does to a message whose From is not one of the account's "Send mail as" addresses: the
 * From header is replaced by the account's address and the original goes into X-Google-Original-From
 * (gophish#1311, awx#861). Works on the raw message: headers up to the first empty line.
 */
export function rewriteFrom(raw: Buffer, accountAddress: string, allowed: readonly string[]): Buffer {
  const text = raw.toString('utf8')
  const end = text.search(/\r?\n\r?\n/)
  if (end < 0) return raw
  const head = text.slice(0, end)
  const body = text.slice(end)
  const lines = head.split(/\r?\n/)
  const fromIndex = lines.findIndex((l) => /^from:/i.test(l))
  if (fromIndex < 0) return raw
  // a header may continue on following lines that start with white space (RFC 5322 folding)
  let last = fromIndex
  while (last + 1 < lines.length && /^[ \t]/.test(lines[last + 1] ?? '')) last++
  // unfolding removes the line breaks only; the continuation's leading white space stays
  const original = lines
    .slice(fromIndex, last + 1)
    .join('')
    .replace(/^from:\s*/i, '')
    .trim()
  const address = (/<([^>]+)>/.exec(original)?.[1] ?? original).trim().toLowerCase()
  if (allowed.map((a) => a.toLowerCase()).includes(address)) return raw
  lines.splice(fromIndex, last - fromIndex + 1, `From: ${accountAddress}`, `X-Google-Original-From: ${original}`)
  return Buffer.from(lines.join('\r\n') + body, 'utf8')
}
