const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const LOOKUP = new Int16Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i

/** Standard base64 (with `=` padding) of `bytes`. */
export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  let line = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0
    const b = bytes[i + 1] ?? 0
    const c = bytes[i + 2] ?? 0
    const n = (a << 16) | (b << 8) | c
    line += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!
      + (i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '=')
      + (i + 2 < bytes.length ? ALPHABET[n & 63]! : '=')
    if (line.length >= 8192) {
      parts.push(line)
      line = ''
    }
  }
  parts.push(line)
  return parts.join('')
}

/** The bytes of a standard base64 string, or null when it is not valid base64. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0) return null
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const out = new Uint8Array((text.length / 4) * 3 - pad)
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    let n = 0
    for (let j = 0; j < 4; j++) {
      const ch = text.charCodeAt(i + j)
      const isPad = ch === 61 && i + j >= text.length - pad
      const v = isPad ? 0 : ch < 128 ? LOOKUP[ch]! : -1
      if (v < 0) return null
      n = (n << 6) | v
    }
    if (o < out.length) out[o++] = (n >> 16) & 255
    if (o < out.length) out[o++] = (n >> 8) & 255
    if (o < out.length) out[o++] = n & 255
  }
  return out
}
