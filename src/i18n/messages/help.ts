export default {
  'zh-CN': {
    help: {
      title: '帮助',
      intro: '每个功能一页简短说明，附一个在“销售漏斗”模板上可以照着做的例子。',
      contents: '帮助目录',
      howTo: '怎么用',
      example: '示例（销售漏斗模板）',
      notes: '说明',
    },
  },
  'en': {
    help: {
      title: 'Help',
      intro: 'A short guide per feature, each with an example you can follow on the sales-funnel template.',
      contents: 'Help contents',
      howTo: 'How to use it',
      example: 'Example (sales-funnel template)',
      notes: 'Notes',
    },
  },
}
