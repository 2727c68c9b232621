/**
 * The part of fontkit (pdfkit's own font engine, which ships no types) the setup sheet uses: whether a
 * font has a glyph for a character (its cmap table).
 */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean
  }
  export function create(buffer: Buffer): Font
}
