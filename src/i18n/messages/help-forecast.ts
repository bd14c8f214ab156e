export default {
  'zh-CN': {
    helpForecast: {
      title: '销售预测与加权管道',
      summary: '每条商机有一个预测分类（管道 / 可能成交 / 承诺 / 已成交 / 不计入）和一个赢单概率。两者默认由阶段决定，也可以逐条手动改；手动改过的值在以后换阶段时保留，直到你恢复默认。',
      steps: [
        '在“阶段设置”里，每个阶段有默认赢单概率和默认预测分类。',
        '新建商机或改变阶段时，概率和预测分类自动取阶段的默认值。',
        '对某条商机有不同判断时，直接在表格或表单里改它的概率或预测分类。改过的值在商机页面的“预测”一栏标着“手动”，并列在“手动设置”字段里，以后换阶段也不会被覆盖。',
        '想回到阶段默认值：在商机页面点“恢复阶段默认”，或在表格里清空这个单元格（清空“手动设置”则两项都恢复）。',
        '“销售预测”图按预计成交月份把金额分成 已成交 / 承诺 / 可能成交 / 管道 四段堆叠，并画出目标线（来自“销售目标”表的当月目标之和）。',
        '“加权管道” = 所有进行中商机的 金额 × 赢单概率 ÷ 100 之和，用的是每条商机自己的概率（包括手动改过的）。',
      ],
      example: {
        title: '示例（销售漏斗模板）',
        steps: [
          '一条商机金额 100 万，在“方案制定”阶段：默认概率 60%，预测分类“可能成交”，加权金额 60 万。',
          '销售判断把握更大，把概率改成 75%：概率旁出现“手动”，加权金额变成 75 万。',
          '把它推进到“谈判和异议处理”（默认 80%、承诺）：预测分类跟着变成“承诺”，概率仍是手动的 75%。',
          '打开商机点“恢复阶段默认”：概率回到 80%，“手动”标记消失，加权金额变成 80 万。',
          '在“销售仪表盘”的“销售预测”图里，这 100 万落在它的预计成交月份的“承诺”段。',
        ],
      },
      notes: [
        '已成交的商机按关闭日期计入月份，其余按预计成交日期；没有日期的商机不进预测图，图下方写明条数。',
        '“不计入”的商机不出现在预测图中，但仍计入加权管道（如果仍在进行中）。',
        '在表格中清空概率等于恢复默认；粘贴或导入一个不同的值等于手动修改。',
        '自己建的表单也能用：在表单设计里选中阶段字段，在“关联字段”中为“预测分类”和“赢单概率”选一个已有字段或点“新建”（会同时新建“手动设置”字段），保存表单即可。输单原因和暂缓日期 / 原因也在这里关联。',
        '商机赢单或输单时，概率和预测分类都取该阶段的默认值（已成交 / 不计入），手动标记随之清除。',
        '仪表盘的日期筛选决定预测图显示哪些月份；负责人等其他筛选同时作用于商机和目标。',
      ],
    },
  },
  'en': {
    helpForecast: {
      title: 'Forecast and weighted pipeline',
      summary: 'Every deal has a forecast category (Pipeline / Best case / Commit / Closed / Omitted) and a win probability. Both default from its stage and can be changed per deal; a value you changed is kept through later stage changes until you reset it.',
      steps: [
        'In the stage settings, each stage has a default win probability and a default forecast category.',
        'When a deal is created or changes stage, its probability and category take the stage\'s defaults.',
        'When you judge a deal differently, change its probability or category in the grid or the form. A changed value is marked "manual" in the Forecast line of the deal\'s page and listed in its "Set by hand" field; later stage changes leave it alone.',
        'To go back to the stage default, click "Reset to stage default" on the deal\'s page, or clear the cell in the grid (clearing "Set by hand" resets both).',
        'The Forecast chart stacks the amounts of each expected-close month as Closed / Commit / Best case / Pipeline, with the target line (the month\'s targets from the Sales targets form).',
        'Weighted pipeline = the sum over open deals of amount × win probability ÷ 100, with each deal\'s own probability (manual ones included).',
      ],
      example: {
        title: 'Example (sales-funnel template)',
        steps: [
          'A deal of 1,000,000 is in Proposal: default probability 60 %, category Best case, weighted amount 600,000.',
          'The salesperson is more confident and sets the probability to 75 %: it is marked "manual" and the weighted amount becomes 750,000.',
          'Move it to Negotiation (default 80 %, Commit): the category follows to Commit, the probability stays the manual 75 %.',
          'Open the deal and click "Reset to stage default": the probability is 80 % again, the marker is gone, the weighted amount is 800,000.',
          'In the Sales dashboard\'s Forecast chart the 1,000,000 sits in the Commit part of its expected-close month.',
        ],
      },
      notes: [
        'Won deals count in the month of their closed date, the others in the month of their expected close date; deals without a date are left out of the chart, which says how many.',
        'Omitted deals are left out of the forecast chart but still count in the weighted pipeline while open.',
        'Clearing the probability in the grid resets it; pasting or importing a different value sets it by hand.',
        'Your own forms work too: in the form designer, select the stage field and, under "Linked fields", pick an existing field or "New" for the forecast category and the win probability (a "Set by hand" field is created with them), then save the form. The loss reason and the snooze date and reason are linked there too.',
        'When a deal is won or lost, its probability and category take that stage\'s defaults (Closed / Omitted) and the manual marks are cleared.',
        'The dashboard\'s date filter picks the months the forecast chart shows; the owner and other filters apply to deals and targets alike.',
      ],
    },
  },
}
