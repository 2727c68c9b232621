/**
 * The web preferences of every window (Electron security checklist items 2-10): a sandboxed renderer
 * with context isolation, no Node anywhere, no webviews, no insecure content. Kept apart from the
 * window factory so a plain Node test can check it.
 */
export function secureWebPreferences(preload: string, devTools: boolean) {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    devTools,
  } as const
}
