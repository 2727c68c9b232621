import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { create, type Font } from 'fontkit'

/**
 * The fonts of the PDF setup sheet: DejaVu Sans, Sans Bold and Sans Mono 2.37 (Bitstream Vera licence
 * with public-domain DejaVu changes: free to bundle; devDependency `dejavu-fonts-ttf`). A production
 * build reads the copies electron-vite puts beside the bundle (pdf-font-assets.ts), so the app and the
 * CLI need no node_modules for them; run from source (dev, tests, scripts) they come from the package.
 * pdfkit embeds each font as a subset of the glyphs a sheet uses (a one-page sheet stays near 30 KB).
 *
 * Coverage, from the fonts' cmaps: Latin (all of Europe, Turkish, Vietnamese), Greek, Cyrillic,
 * Armenian, Georgian, Hebrew and Arabic letters (Sans; Mono lacks Hebrew, Arabic and some Vietnamese
 * letters, so the sheet sets such a value in Sans), common symbols and a few emoji (U+1F600 "😀" yes,
 * most others no). Not covered: CJK, Indic scripts, Thai. A CJK font is megabytes per weight and no
 * small npm package ships one as a single TrueType file (the @fontsource packages hold unicode-range
 * WOFF/WOFF2 slices), so such characters print as U+FFFD "�" and the sheet says so (the HTML sheet
 * shows them with the system's fonts). Right-to-left scripts: pdfkit shapes text word by word
 * with fontkit, which draws each Hebrew or Arabic word right to left (joined forms from the font), but
 * there is no bidi algorithm (UAX #9): a name of several such words prints them left to right, and a
 * word mixing directions (an address with a Hebrew local part and a Latin domain) is drawn wholly
 * right to left, its Latin part mirrored. Such addresses read correctly only on the HTML sheet.
 */
export interface PdfFont {
  /** The TTF bytes, for pdfkit's registerFont. */
  data: Buffer
  /** The parsed font, to ask which characters it has. */
  font: Font
}

export type PdfFontName = 'regular' | 'bold' | 'mono'

const PACKAGE_FILES: Record<PdfFontName, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
  mono: 'dejavu-fonts-ttf/ttf/DejaVuSansMono.ttf',
}

/** Where the TTFs are: beside the production bundle, else in the package (never both tried). */
async function fontPaths(): Promise<Record<PdfFontName, string>> {
  // Vite replaces import.meta.env.PROD with a constant in a build; Node alone has no import.meta.env
  if (import.meta.env?.PROD) return (await import('./pdf-font-assets.js')).FONT_ASSETS
  const require = createRequire(import.meta.url)
  return {
    regular: require.resolve(PACKAGE_FILES.regular),
    bold: require.resolve(PACKAGE_FILES.bold),
    mono: require.resolve(PACKAGE_FILES.mono),
  }
}

let loaded: Promise<Record<PdfFontName, PdfFont>> | undefined

/** The three fonts, read and parsed once per process. Rejects (ENOENT) if the build lost a font file. */
export function pdfFonts(): Promise<Record<PdfFontName, PdfFont>> {
  loaded ??= fontPaths().then((paths) => {
    const load = (path: string): PdfFont => {
      const data = readFileSync(path)
      return { data, font: create(data) }
    }
    return { regular: load(paths.regular), bold: load(paths.bold), mono: load(paths.mono) }
  })
  return loaded
}

/** What the sheet prints in place of a character its font has no glyph for. */
export const MISSING_GLYPH = '\uFFFD'

const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u

/**
 * `text` as `font` can print it: each character (code point) the font has no glyph for becomes
 * MISSING_GLYPH, so a sheet never shows an empty .notdef box; control characters, and invisible
 * ones the font lacks (variation selectors, joiners: Unicode's Default_Ignorable_Code_Point), are dropped.
 */
export function printable(text: string, font: Font): string {
  let out = ''
  for (const c of text) {
    const code = c.codePointAt(0) ?? 0
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue
    if (font.hasGlyphForCodePoint(code)) out += c
    else if (!IGNORABLE.test(c)) out += MISSING_GLYPH
  }
  return out
}

/** Whether `font` has a glyph for every visible character of `text`. */
export function covers(font: Font, text: string): boolean {
  return !printable(text, font).includes(MISSING_GLYPH)
}
