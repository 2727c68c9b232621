/** A fresh test id in the shape main accepts (/^[A-Za-z0-9_-]{1,64}$/): a UUID without its dashes. */
export function newTestId(): string {
  return crypto.randomUUID().replace(/-/g, '')
}
