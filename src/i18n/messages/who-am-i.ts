export default {
  'zh-CN': {
    whoAmI: {
      title: '你是谁？',
      hint: '修改记录会写上修改人的名字。选择你是哪位成员，或输入你的名字；以后可以在“设置 › 成员”里更改。',
      someoneElse: '不在列表中，输入名字',
      namePlaceholder: '你的名字',
      skip: '跳过',
      save: '就是我',
      saved: '以后的修改会记在“{name}”名下',
    },
  },
  'en': {
    whoAmI: {
      title: 'Who are you?',
      hint: 'The change log names who made each change. Pick the member you are, or type your name; you can change it later in Settings › Members.',
      someoneElse: 'Not listed: type a name',
      namePlaceholder: 'Your name',
      skip: 'Skip',
      save: 'That\'s me',
      saved: 'Your changes will be logged as "{name}"',
    },
  },
}
