export default {
  'zh-CN': {
    labelInput: {
      name: '名称',
      lang: { 'zh-CN': '中文', 'en': 'English' },
      short: { 'zh-CN': '中', 'en': 'EN' },
      translation: '{lang} 翻译（可选）',
      translationOf: '{name}的 {lang} 翻译（可选）',
      toggle: '{lang} 翻译',
      toggleOf: '{name}的 {lang} 翻译',
      follows: '未填写时 {lang} 界面显示名称',
    },
  },
  'en': {
    labelInput: {
      name: 'Name',
      lang: { 'zh-CN': '中文', 'en': 'English' },
      short: { 'zh-CN': '中', 'en': 'EN' },
      translation: '{lang} translation (optional)',
      translationOf: '{lang} translation of {name} (optional)',
      toggle: '{lang} translation',
      toggleOf: '{lang} translation of {name}',
      follows: 'When blank, the {lang} UI shows the name',
    },
  },
}
