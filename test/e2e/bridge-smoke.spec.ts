import { expect, test } from './bridge.js'

test('the bridge wires window.mailkey to the real services', async ({ page, bridge }) => {
  await page.goto('/')
  const keys = await page.evaluate(() => Object.keys((window as unknown as { mailkey: object }).mailkey))
  expect(keys).toContain('testConnection')
  const r = await page.evaluate(() =>
    (window as unknown as { mailkey: { detectProvider(i: unknown): Promise<unknown> } }).mailkey.detectProvider({
      email: 'alice@example.test',
    }),
  )
  expect(r).toMatchObject({ ok: true, value: { source: 'preset', incoming: { port: bridge.bed.ports.imaps } } })
})
