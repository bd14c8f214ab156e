/**
 * windows-1252 decoding by table. Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as
 * ISO-8859-1 control characters (a latin1 fast path) instead of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž
 * ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ, so the 32 special codes are mapped here. Undefined codes
 * (0x81 0x8D 0x8F 0x90 0x9D) map to the control character of the same value, as WHATWG does.
 */
const HIGH = [
  0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
  0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
]

/** Decodes windows-1252 bytes (every byte is a character). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = []
  const CHUNK = 8192
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), b => (b >= 0x80 && b <= 0x9F ? HIGH[b - 0x80] ?? b : b))
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join('')
}
