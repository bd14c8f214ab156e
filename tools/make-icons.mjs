#!/usr/bin/env node
// Writes the app icons (public/icons/*.png) of the web manifest: a white funnel on the brand
// blue. Plain Node (zlib), no image library: `node tools/make-icons.mjs`, then commit the PNGs.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const BLUE = [0x2F, 0x6B, 0xFF]
const WHITE = [0xFF, 0xFF, 0xFF]

/** Inside the funnel, in unit coordinates (0..1) of the drawing area. */
function inFunnel(x, y) {
  const bands = [[0.16, 0.30, 0.10], [0.36, 0.50, 0.22], [0.56, 0.70, 0.34]]
  for (const [top, bottom, inset] of bands) if (y >= top && y <= bottom && x >= inset && x <= 1 - inset) return true
  return y > 0.70 && y <= 0.86 && x >= 0.43 && x <= 0.57
}

function png(size, { padding, rounded }) {
  const rows = []
  const r = size * 0.18
  for (let py = 0; py < size; py++) {
    const row = [0]
    for (let px = 0; px < size; px++) {
      const cx = Math.min(px, size - 1 - px)
      const cy = Math.min(py, size - 1 - py)
      const outside = rounded && cx < r && cy < r && (r - cx) ** 2 + (r - cy) ** 2 > r * r
      const ux = (px / size - padding) / (1 - 2 * padding)
      const uy = (py / size - padding) / (1 - 2 * padding)
      const [red, green, blue] = inFunnel(ux, uy) ? WHITE : BLUE
      row.push(red, green, blue, outside ? 0 : 255)
    }
    rows.push(Buffer.from(row))
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data])
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr.set([8, 6, 0, 0, 0], 8)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function crc32(buf) {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xEDB88320 & -(c & 1))
  }
  return ~c >>> 0
}

const out = new URL('../public/icons/', import.meta.url)
writeFileSync(new URL('icon-192.png', out), png(192, { padding: 0.12, rounded: true }))
writeFileSync(new URL('icon-512.png', out), png(512, { padding: 0.12, rounded: true }))
// Maskable: full bleed, the funnel inside the 80 % safe zone.
writeFileSync(new URL('icon-maskable-512.png', out), png(512, { padding: 0.22, rounded: false }))
writeFileSync(new URL('apple-touch-icon.png', out), png(180, { padding: 0.14, rounded: false }))
