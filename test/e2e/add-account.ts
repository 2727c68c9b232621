import type { Page } from '@playwright/test'
import { expect } from './bridge.js'

/** Through the whole wizard with the app password (both servers tested), ending on the accounts screen. */
export async function addAccount(page: Page, address: string, appPassword: string): Promise<void> {
  await page.goto('/')
  await page.getByRole('textbox', { name: 'Email address' }).fill(address)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'I have my app password' }).click()
  await page.getByRole('textbox', { name: 'App password' }).fill(appPassword)
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Test both servers' }).click()
  await expect(page.getByRole('heading', { name: 'Both servers work' })).toBeVisible()
  await page.getByRole('button', { name: 'Save account' }).click()
  await page.getByRole('button', { name: 'Go to your accounts' }).click()
  await expect(page.getByRole('heading', { name: 'Mail accounts' })).toBeVisible()
}
