import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

/** The files `npm run icons` (scripts/icons.mjs) renders from resources/icon.svg. */
const resources = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'resources')
const read = (name: string): Buffer => readFileSync(join(resources, name))

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

interface PngInfo {
  width: number
  height: number
  bitDepth: number
  colourType: number
  /** Alpha of the top-left pixel; null unless the image is 8-bit RGBA. */
  cornerAlpha: number | null
}

/** Reads a PNG's header (IHDR, which must come first) and the top-left pixel. */
function pngInfo(png: Buffer): PngInfo {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true)
  expect(png.toString('latin1', 12, 16), 'first chunk').toBe('IHDR')
  const width = png.readUInt32BE(16)
  const height = png.readUInt32BE(20)
  const bitDepth = png.readUInt8(24)
  const colourType = png.readUInt8(25)
  const idat: Buffer[] = []
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at)
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  // each row starts with a filter byte; every filter stores the first pixel of the first row as is
  // (its neighbours to the left and above count as zero), so no unfiltering is needed for it
  const rgba = bitDepth === 8 && colourType === 6
  const cornerAlpha = rgba ? inflateSync(Buffer.concat(idat)).readUInt8(1 + 3) : null // filter byte, R, G, B, A
  return { width, height, bitDepth, colourType, cornerAlpha }
}

describe('app icon assets', () => {
  it('icon.svg is a square 1024 drawing', () => {
    const svg = read('icon.svg').toString('utf8')
    const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? ''
    expect(root).toMatch(/\sviewBox="0 0 1024 1024"/)
  })

  it.each([
    ...[16, 32, 48, 64, 128, 256, 512].map((size) => [`icons/${size}x${size}.png`, size] as const),
    ['icon.png', 512] as const,
    ['icon-1024.png', 1024] as const,
  ])('%s is a %i px PNG with a transparent corner', (name, size) => {
    const info = pngInfo(read(name))
    expect(info).toMatchObject({ width: size, height: size, bitDepth: 8, colourType: 6 })
    // the rounded square leaves the corners clear, so the icon sits on any dock colour
    expect(info.cornerAlpha).toBe(0)
  })

  it('icon.ico holds PNGs of 16, 24, 32, 48, 64, 128 and 256 px, each the size its entry says', () => {
    const ico = read('icon.ico')
    expect(ico.readUInt16LE(0), 'reserved').toBe(0)
    expect(ico.readUInt16LE(2), 'type 1 = icon').toBe(1)
    const count = ico.readUInt16LE(4)
    expect(count).toBe(7)

    const sizes: number[] = []
    let end = 6 + 16 * count
    for (let i = 0; i < count; i++) {
      const entry = ico.subarray(6 + 16 * i, 6 + 16 * (i + 1))
      const width = entry.readUInt8(0) || 256 // 0 stands for 256
      const height = entry.readUInt8(1) || 256
      expect(entry.readUInt16LE(4), 'planes').toBe(1)
      expect(entry.readUInt16LE(6), 'bits per pixel').toBe(32)
      const length = entry.readUInt32LE(8)
      const offset = entry.readUInt32LE(12)
      expect(offset, `entry ${i} starts where the previous image ends`).toBe(end)
      end = offset + length
      expect(end).toBeLessThanOrEqual(ico.length)
      const info = pngInfo(ico.subarray(offset, end))
      expect([info.width, info.height]).toEqual([width, height])
      sizes.push(width)
    }
    expect(end, 'no bytes after the last image').toBe(ico.length)
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256])
  })
})
