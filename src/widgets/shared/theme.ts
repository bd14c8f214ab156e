/** Colours and type matching the app's UI (Element Plus + --fg-brand), shared by every chart. */

/** Series palette: brand blue first, then Element Plus-friendly hues. */
export const PALETTE = ['#2f6bff', '#36b37e', '#fab005', '#f56c6c', '#7c5cff', '#13c2c2', '#ff8f1f', '#909399', '#eb2f96', '#52c41a']

/** Text colours of the UI. */
export const TEXT = { main: '#303133', muted: '#606266', faint: '#909399' }

/** Bottleneck / danger colour. */
export const DANGER = '#f56c6c'

/** Font stack of the UI (base.css). */
export const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif"

/** Options every chart shares: palette, font, no animation flicker on resize. */
export function baseOption() {
  return {
    color: PALETTE,
    textStyle: { fontFamily: FONT, color: TEXT.main },
    animationDuration: 300,
  }
}
