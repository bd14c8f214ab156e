export default {
  'zh-CN': {
    helpScoring: {
      title: '线索评分',
      summary: '线索评分字段按你点出来的规则给每条记录加减分（例如 行业 等于 制造业 +20、预算 大于 100 万 +30），也可以从表单自己的历史里学出每个取值该得几分。每次保存都会重算，分数可以排序、筛选、做图表。',
      steps: [
        '在表单设计器里，从“高级”分组把“线索评分”字段拖进表单（基础分组里的“评分”是打星，不是这个）。',
        '在右侧点“添加规则”，像设置视图筛选一样选字段、条件和值，再填这条规则加（或减，填负数）的分数。可以加多条规则，一条规则里也可以有多个条件。',
        '需要时勾选“从历史学习加减分”：选结果阶段字段和要学习的字段（如 负责人、线索来源），点“学习”。表格列出每个取值的 赢单 / 已结束、赢单率和分数；已结束记录少于“最少样本”的取值不计分。',
        '保存表单后，已有记录会全部重算。表格里的评分单元格点一下（或选中后按 Enter）会列出命中的规则和学到的取值，各自几分。',
        '要看最有希望的线索：打开按评分从高到低排序的视图，或在仪表盘加一个“表格”组件，预设选“最有潜力的线索”，它列出进行中的记录、分数和评分依据。',
      ],
      example: {
        title: '示例（销售漏斗模板）',
        steps: [
          '安装“销售漏斗”模板（带演示数据）。“商机”表单已经有“线索评分”字段，4 条规则：转介绍或合作伙伴来源 +20，客户预算超过 100 万 +30，已知关键决策人 +15，有竞争对手 −10。',
          '在“商机”的视图列表里打开“最有潜力的线索”：进行中的商机按线索评分从高到低排列。',
          '点第一行的评分，弹出的依据里能看到是哪几条规则给了分，例如“线索来源 等于任意一个 转介绍、合作伙伴 +20”。',
          '打开设计器，选中“线索评分”，勾选“从历史学习加减分”，学习字段选“负责人”，点“学习”：每位负责人的 赢单 / 已结束 和赢单率列在表里，比整体赢单率高的得正分。保存后所有商机的评分随之更新。',
        ],
      },
      notes: [
        '学到的分数 = 这个取值的赢单率比整体赢单率高出的百分点数（乘以比例）：整体 50%、某负责人 80% 就是 +30 分。只看已成交和已输单的记录；学到的表随表单保存，换设备、同步后打分一致，历史变了需要再点一次“学习”。',
        '“过去 N 天”这类相对日期的规则在保存记录时计算；日子过去了分数不会自己变，下次修改这条记录或保存表单时才重算。',
        '规则用到的字段被删除时，设计器会指出是第几条规则和哪个字段，改好之前不能保存。',
      ],
    },
  },
  'en': {
    helpScoring: {
      title: 'Lead scoring',
      summary: 'A score field adds and takes away points by rules you click together (Industry is Manufacturing +20, Budget greater than 1M +30), and can also learn each value’s points from the form’s own history. It is recomputed on every save, so you can sort, filter and chart by it.',
      steps: [
        'In the form designer, drag a “Lead score” field from the Advanced group into the form (the Basic group’s “Rating” is stars, not this).',
        'On the right, click “Add rule”, pick a field, a condition and a value as in a view filter, then the points the rule adds (or a negative number to take away). Add as many rules as you like; one rule may hold several conditions.',
        'If you want, tick “Learn points from history”: pick the outcome stage field and the fields to learn (Owner, Lead source …) and click “Learn”. The table lists each value’s won / closed, win rate and points; values with fewer closed records than the minimum sample earn nothing.',
        'After you save the form every record is rescored. Click a score cell in the grid (or select it and press Enter) to see the rules that fired and the learned values, with their points.',
        'To see the most promising leads, open a view sorted by score, highest first, or add a Table widget to a dashboard with the preset “Most promising leads”: open records with their score and why.',
      ],
      example: {
        title: 'Example (sales-funnel template)',
        steps: [
          'Install the sales-funnel template with demo data. The Opportunities form already has a “Lead score” field with 4 rules: referral or partner source +20, budget over 1M +30, a known decision maker +15, a named competitor −10.',
          'Open the “Most promising leads” view of Opportunities: open deals by lead score, highest first.',
          'Click the first row’s score: the reasons list the rules that gave points, such as “Lead source is any of Referral, Partner +20”.',
          'Open the designer, select “Lead score”, tick “Learn points from history”, choose Owner as a learned field and click “Learn”: each owner’s won / closed and win rate are listed, owners above the overall win rate earn points. Save, and every deal’s score follows.',
        ],
      },
      notes: [
        'Learned points = how many percentage points a value’s win rate is above the overall win rate (times the scale): overall 50 %, one owner 80 % gives +30. Only won and lost records count. The learned table is saved with the form, so every device scores alike; click “Learn” again when the history has changed.',
        'Rules on relative dates (“in the last N days”) are evaluated when a record is saved; the score does not change by itself as days pass, only on the record’s next edit or a form save.',
        'When a field a rule uses is deleted, the designer names the rule and the field and will not save until it is fixed.',
      ],
    },
  },
}
