import mono from 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf?asset'
import bold from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?asset'
import regular from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?asset'

/**
 * The setup sheet's fonts in the built app: electron-vite's `?asset` imports copy each TTF into
 * `out/main/chunks/` and resolve to its path beside the bundle, which the app and the CLI
 * (`out/main/cli.js`) share, inside app.asar too (fs reads through it). Loaded by pdf-fonts.ts only in
 * a production build: Node alone (Playwright's bridge, tsx scripts, vitest) does not know `?asset`.
 */
export const FONT_ASSETS = { regular, bold, mono }
