import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vitest/config'

/**
 * electron-vite's `?asset` imports in main (a file copied beside the bundle, its path the default
 * export) as tests see them: the path of the file where it lies, in the source tree or node_modules.
 */
function nodeAsset(): Plugin {
  return {
    name: 'mailkey-node-asset',
    enforce: 'pre',
    load(id) {
      const [file, query] = id.split('?')
      if (query !== 'asset' || !file) return undefined
      return `export default ${JSON.stringify(file)}`
    },
  }
}

export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        plugins: [nodeAsset()],
        test: {
          name: 'main',
          environment: 'node',
          include: ['test/main/**/*.test.ts'],
          globalSetup: ['test/bed/global-setup.ts'],
          // the bed's servers are shared; tests that change them take care of their own users
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
})
