/**
 * How the app may show a stored file, decided from the MIME type the stored Blob carries:
 * - `raster`: an `<img>` over a blob: URL re-typed with `mime` (an image format a browser
 *   never runs as a document, even when the URL is opened in a tab);
 * - `svg`: an `<img>` over a data: URL (scripts in SVG never run in `<img>`, and a data:
 *   document opened anyway has an opaque origin, so it cannot read the workspace);
 * - `none`: not shown at all, offered as a download only (HTML, scripts, PDFs, unknown types).
 */
export type PreviewKind
  = | { kind: 'raster', mime: string }
    | { kind: 'svg' }
    | { kind: 'none' }

const RASTER = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp', 'image/x-icon', 'image/vnd.microsoft.icon'])

/** The preview allowed for a stored Blob of type `mime` (parameters and case ignored). */
export function previewKindOf(mime: string): PreviewKind {
  const base = mime.split(';')[0]!.trim().toLowerCase()
  if (RASTER.has(base)) return { kind: 'raster', mime: base }
  if (base === 'image/svg+xml') return { kind: 'svg' }
  return { kind: 'none' }
}
