export default {
  'zh-CN': {
    automations: {
      bell: { label: '通知（{n} 条未读）', title: '智能助手通知', empty: '还没有通知。智能助手发出的提醒会显示在这里。' },
    },
  },
  'en': {
    automations: {
      bell: { label: 'Notifications ({n} unread)', title: 'Automation notifications', empty: 'No notifications yet. Reminders sent by automations appear here.' },
    },
  },
}
