#!/usr/bin/env node
// `npm run icons`: renders resources/icon.svg to the PNG and ICO files the packagers want, with the
// machine's Chromium (no image library needed). Run by hand after editing the SVG; commit the outputs.
// For electron-builder: linux.icon resources/icons, mac.icon resources/icon-1024.png, win.icon
// resources/icon.ico; the running window on Linux uses resources/icon.png (src/main/window-icon.ts).
import { chromium } from '@playwright/test'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const resources = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources')
/** electron-builder's Linux icon set: resources/icons/<n>x<n>.png */
const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512]
/** The sizes Windows picks from for title bars, taskbar, Explorer views and the Start menu. */
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

/**
 * A Windows .ico holding PNG images (Vista and later read PNG entries). Layout, all little-endian:
 * ICONDIR (6 bytes: reserved 0, type 1 = icon, image count), then one 16-byte ICONDIRENTRY per image,
 * then the images' bytes in the same order.
 * @param {{ size: number, png: Buffer }[]} images
 */
function encodeIco(images) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // 1 = icon (2 would be a cursor)
  header.writeUInt16LE(images.length, 4)

  let offset = header.length + 16 * images.length
  const entries = images.map(({ size, png }) => {
    if (size < 1 || size > 256) throw new RangeError(`an ICO image is 1..256 px, not ${size}`)
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size === 256 ? 0 : size, 0) // width; one byte, so 0 stands for 256
    entry.writeUInt8(size === 256 ? 0 : size, 1) // height, likewise
    entry.writeUInt8(0, 2) // palette colours: 0 = no palette
    entry.writeUInt8(0, 3) // reserved
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel (RGBA)
    entry.writeUInt32LE(png.length, 8) // size of the image data
    entry.writeUInt32LE(offset, 12) // where the image data starts, from the start of the file
    offset += png.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)])
}

async function main() {
  const svg = readFileSync(join(resources, 'icon.svg'), 'utf8')
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 })
    // the SVG fills the viewport, so each size is a fresh vector rendering, not a downscaled bitmap
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:100vw;height:100vh}</style>${svg}`,
    )
    const rendered = new Map()
    for (const size of new Set([...LINUX_SIZES, ...ICO_SIZES, 1024])) {
      await page.setViewportSize({ width: size, height: size })
      rendered.set(size, await page.screenshot({ omitBackground: true, type: 'png' }))
    }
    const png = (size) => rendered.get(size)

    mkdirSync(join(resources, 'icons'), { recursive: true })
    const written = []
    const write = (name, data) => {
      writeFileSync(join(resources, name), data)
      written.push(name)
    }
    for (const size of LINUX_SIZES) write(`icons/${size}x${size}.png`, png(size))
    write('icon.png', png(512)) // the window icon on Linux
    write('icon-1024.png', png(1024)) // electron-builder makes the macOS .icns from it
    write('icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: png(size) }))))
    console.log(`icons: wrote ${written.map((name) => `resources/${name}`).join(', ')}`)
  } finally {
    await browser.close()
  }
}

await main()
