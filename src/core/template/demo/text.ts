/** Text pools for demo records, each entry a [zh-CN, en] pair. */

/** A demo text in both locales. */
export type Bi = readonly [zh: string, en: string]

/** A name part with its pinyin, used for web and mail domains. */
export interface NamePart { zh: string, py: string }

/** Family names. */
export const SURNAMES: readonly NamePart[] = [
  { zh: '王', py: 'Wang' }, { zh: '李', py: 'Li' }, { zh: '张', py: 'Zhang' }, { zh: '刘', py: 'Liu' }, { zh: '陈', py: 'Chen' },
  { zh: '杨', py: 'Yang' }, { zh: '赵', py: 'Zhao' }, { zh: '黄', py: 'Huang' }, { zh: '周', py: 'Zhou' }, { zh: '吴', py: 'Wu' },
  { zh: '徐', py: 'Xu' }, { zh: '孙', py: 'Sun' }, { zh: '胡', py: 'Hu' }, { zh: '朱', py: 'Zhu' }, { zh: '高', py: 'Gao' },
  { zh: '林', py: 'Lin' }, { zh: '何', py: 'He' }, { zh: '郭', py: 'Guo' }, { zh: '马', py: 'Ma' }, { zh: '罗', py: 'Luo' },
]
/** Given names. */
export const GIVEN_NAMES: readonly NamePart[] = [
  { zh: '伟', py: 'Wei' }, { zh: '芳', py: 'Fang' }, { zh: '娜', py: 'Na' }, { zh: '敏', py: 'Min' }, { zh: '静', py: 'Jing' },
  { zh: '强', py: 'Qiang' }, { zh: '磊', py: 'Lei' }, { zh: '洋', py: 'Yang' }, { zh: '艳', py: 'Yan' }, { zh: '勇', py: 'Yong' },
  { zh: '军', py: 'Jun' }, { zh: '杰', py: 'Jie' }, { zh: '娟', py: 'Juan' }, { zh: '涛', py: 'Tao' }, { zh: '明', py: 'Ming' },
  { zh: '超', py: 'Chao' }, { zh: '秀英', py: 'Xiuying' }, { zh: '晓东', py: 'Xiaodong' }, { zh: '海燕', py: 'Haiyan' }, { zh: '建华', py: 'Jianhua' },
  { zh: '志强', py: 'Zhiqiang' }, { zh: '丽华', py: 'Lihua' }, { zh: '思远', py: 'Siyuan' }, { zh: '雨桐', py: 'Yutong' },
]
/** Words that make up company names. */
export const BRAND_WORDS: readonly NamePart[] = [
  { zh: '恒信', py: 'Hengxin' }, { zh: '华创', py: 'Huachuang' }, { zh: '远景', py: 'Yuanjing' }, { zh: '新锐', py: 'Xinrui' },
  { zh: '博远', py: 'Boyuan' }, { zh: '瑞丰', py: 'Ruifeng' }, { zh: '天合', py: 'Tianhe' }, { zh: '中科', py: 'Zhongke' },
  { zh: '鼎盛', py: 'Dingsheng' }, { zh: '启明', py: 'Qiming' }, { zh: '东方', py: 'Dongfang' }, { zh: '金诚', py: 'Jincheng' },
  { zh: '万达', py: 'Wanda' }, { zh: '长青', py: 'Changqing' }, { zh: '联众', py: 'Lianzhong' }, { zh: '智汇', py: 'Zhihui' },
  { zh: '宏图', py: 'Hongtu' }, { zh: '卓越', py: 'Zhuoyue' }, { zh: '安泰', py: 'Antai' }, { zh: '嘉禾', py: 'Jiahe' },
  { zh: '云帆', py: 'Yunfan' }, { zh: '海纳', py: 'Haina' }, { zh: '正泰', py: 'Zhengtai' }, { zh: '力拓', py: 'Lituo' },
  { zh: '信达', py: 'Xinda' }, { zh: '凯盛', py: 'Kaisheng' }, { zh: '星辰', py: 'Xingchen' }, { zh: '明德', py: 'Mingde' },
]
/** Company-name suffix per industry id. */
export const INDUSTRY_SUFFIX: Readonly<Record<string, readonly Bi[]>> = {
  ind_manufacturing: [['精密制造', 'Precision Manufacturing'], ['机械', 'Machinery'], ['电子', 'Electronics']],
  ind_it: [['科技', 'Technology'], ['软件', 'Software'], ['信息技术', 'Information Technology']],
  ind_finance: [['投资', 'Investment'], ['金融服务', 'Financial Services'], ['融资租赁', 'Leasing']],
  ind_retail: [['商贸', 'Trading'], ['零售', 'Retail'], ['食品', 'Foods']],
  ind_healthcare: [['医疗器械', 'Medical Devices'], ['生物科技', 'Biotech'], ['健康管理', 'Health']],
  ind_education: [['教育科技', 'Education Technology'], ['培训学校', 'Training'], ['文化传媒', 'Media']],
  ind_realestate: [['置业', 'Properties'], ['建设工程', 'Construction'], ['物业服务', 'Property Services']],
  ind_logistics: [['物流', 'Logistics'], ['供应链', 'Supply Chain'], ['运输', 'Transport']],
  ind_energy: [['新能源', 'New Energy'], ['化工', 'Chemicals'], ['电力设备', 'Power Equipment']],
  ind_government: [['城市服务中心', 'City Service Centre'], ['公共资源交易中心', 'Public Resources Centre']],
  ind_other: [['实业', 'Industries'], ['咨询', 'Consulting']],
}
/** Cities per region id: [zh, en] plus an area code. */
export const CITIES: Readonly<Record<string, readonly (readonly [string, string, string])[]>> = {
  reg_east: [['上海', 'Shanghai', '021'], ['杭州', 'Hangzhou', '0571'], ['南京', 'Nanjing', '025'], ['苏州', 'Suzhou', '0512'], ['宁波', 'Ningbo', '0574']],
  reg_north: [['北京', 'Beijing', '010'], ['天津', 'Tianjin', '022'], ['石家庄', 'Shijiazhuang', '0311']],
  reg_south: [['深圳', 'Shenzhen', '0755'], ['广州', 'Guangzhou', '020'], ['厦门', 'Xiamen', '0592'], ['东莞', 'Dongguan', '0769']],
  reg_central: [['武汉', 'Wuhan', '027'], ['长沙', 'Changsha', '0731'], ['郑州', 'Zhengzhou', '0371']],
  reg_southwest: [['成都', 'Chengdu', '028'], ['重庆', 'Chongqing', '023'], ['昆明', 'Kunming', '0871']],
  reg_northwest: [['西安', "Xi'an", '029'], ['兰州', 'Lanzhou', '0931']],
  reg_northeast: [['沈阳', 'Shenyang', '024'], ['大连', 'Dalian', '0411'], ['哈尔滨', 'Harbin', '0451']],
  reg_overseas: [['新加坡', 'Singapore', '+65'], ['吉隆坡', 'Kuala Lumpur', '+60']],
}
/** Street names for addresses. */
export const STREETS: readonly Bi[] = [
  ['人民路', 'Renmin Road'], ['建设大道', 'Jianshe Avenue'], ['科技园路', 'Science Park Road'], ['中山路', 'Zhongshan Road'],
  ['解放路', 'Jiefang Road'], ['高新大道', 'Hi-tech Avenue'], ['滨江路', 'Riverside Road'], ['世纪大道', 'Century Avenue'],
]
/** Job titles by contact role id. */
export const TITLES_BY_ROLE: Readonly<Record<string, readonly Bi[]>> = {
  role_decision_maker: [['总经理', 'General Manager'], ['副总裁', 'Vice President'], ['CIO', 'CIO'], ['董事长', 'Chairman']],
  role_influencer: [['销售总监', 'Sales Director'], ['运营总监', 'Operations Director'], ['部门经理', 'Department Manager']],
  role_gatekeeper: [['IT 经理', 'IT Manager'], ['技术负责人', 'Tech Lead'], ['架构师', 'Architect']],
  role_user: [['销售主管', 'Sales Supervisor'], ['客服主管', 'Service Supervisor'], ['专员', 'Specialist']],
  role_procurement: [['采购经理', 'Purchasing Manager'], ['采购专员', 'Buyer']],
}
/** Departments of contacts. */
export const DEPARTMENTS: readonly Bi[] = [['总经办', 'Executive office'], ['信息部', 'IT'], ['销售部', 'Sales'], ['运营部', 'Operations'], ['采购部', 'Purchasing'], ['财务部', 'Finance']]

/** Products and services sold, with a typical unit price in CNY. */
export const PRODUCTS: readonly { name: Bi, price: number }[] = [
  { name: ['CRM 企业版（年/用户）', 'CRM Enterprise (user/year)'], price: 1_800 },
  { name: ['CRM 标准版（年/用户）', 'CRM Standard (user/year)'], price: 900 },
  { name: ['数据分析模块', 'Analytics module'], price: 30_000 },
  { name: ['实施服务（人天）', 'Implementation (person-day)'], price: 2_500 },
  { name: ['定制开发（人天）', 'Custom development (person-day)'], price: 3_000 },
  { name: ['系统集成', 'System integration'], price: 50_000 },
  { name: ['培训服务（场）', 'Training (session)'], price: 8_000 },
  { name: ['年度运维服务', 'Annual support'], price: 20_000 },
]
/** Opportunity name endings. */
export const PROJECT_NAMES: readonly Bi[] = [
  ['CRM 系统采购', 'CRM purchase'], ['销售管理平台', 'Sales platform'], ['客户服务系统升级', 'Service desk upgrade'],
  ['数字化转型项目', 'Digital transformation'], ['数据分析平台', 'Analytics platform'], ['营销自动化', 'Marketing automation'],
  ['渠道管理系统', 'Channel management'], ['移动销售应用', 'Mobile sales app'],
]
/** Customer needs noted in 需求分析. */
export const NEEDS: readonly Bi[] = [
  ['统一管理客户资料，减少销售离职带走客户', 'One place for customer data so leavers do not take accounts'],
  ['销售过程可视化，管理层实时查看漏斗', 'Visible pipeline for management in real time'],
  ['与现有 ERP 打通，订单和回款自动同步', 'Sync orders and payments with the ERP'],
  ['移动端录入拜访记录，支持定位签到', 'Log visits on mobile with check-in'],
  ['提升线索转化率，自动分配线索', 'Higher lead conversion with automatic assignment'],
  ['售后工单与客户满意度统一管理', 'Service tickets and satisfaction in one system'],
]
/** Competitors met in deals. */
export const COMPETITORS: readonly Bi[] = [['纷享销客', 'Competitor A'], ['销售易', 'Competitor B'], ['Salesforce', 'Salesforce'], ['自研系统', 'In-house build'], ['HubSpot', 'HubSpot']]
/** Objections raised in negotiation. */
export const OBJECTIONS: readonly Bi[] = [
  ['价格高于预算 15%', 'Price 15% above budget'], ['担心实施周期过长', 'Worried about implementation time'],
  ['要求增加定制功能', 'Asks for custom features'], ['付款周期希望延长', 'Wants longer payment terms'],
  ['对数据安全有顾虑', 'Data security concerns'],
]
/** Customer reactions to a proposal. */
export const PROPOSAL_FEEDBACK: readonly Bi[] = [
  ['演示效果好，希望看到报表细节', 'Demo went well, wants report details'], ['认可方案，需内部评审', 'Likes the proposal, internal review next'],
  ['对移动端体验很满意', 'Happy with the mobile experience'], ['希望分阶段上线', 'Prefers a phased roll-out'],
]
/** Activity subjects by type id. */
export const ACTIVITY_SUBJECTS: Readonly<Record<string, readonly Bi[]>> = {
  act_call: [['电话沟通需求', 'Call about needs'], ['电话跟进进度', 'Progress call'], ['电话确认时间', 'Call to fix a date']],
  act_email: [['发送产品资料', 'Sent product material'], ['邮件发送报价', 'Emailed the quote'], ['邮件跟进', 'Follow-up email']],
  act_meeting: [['线上会议演示', 'Online demo'], ['方案评审会', 'Proposal review'], ['商务谈判会议', 'Negotiation meeting']],
  act_visit: [['上门拜访', 'On-site visit'], ['拜访决策人', 'Visit decision maker'], ['现场调研', 'On-site survey']],
}
/** Activity summaries by open stage index. */
export const ACTIVITY_SUMMARIES: readonly (readonly Bi[])[] = [
  [['初步了解客户业务和规模', 'Learned about the business'], ['客户对产品感兴趣，约定再次沟通', 'Interested, will talk again']],
  [['与业务负责人交流痛点', 'Discussed pain points'], ['确认了关键联系人', 'Found the key contacts']],
  [['梳理需求清单', 'Listed requirements'], ['确认预算范围和时间表', 'Confirmed budget and timeline']],
  [['完成方案演示', 'Demo delivered'], ['根据反馈修改方案', 'Revised the proposal']],
  [['讨论价格和付款条件', 'Discussed price and terms'], ['处理客户对实施周期的异议', 'Handled timeline objection']],
]
/** Next steps noted on activities. */
export const NEXT_STEPS: readonly Bi[] = [
  ['安排产品演示', 'Schedule a demo'], ['发送正式报价', 'Send the formal quote'], ['约见决策人', 'Meet the decision maker'],
  ['准备合同草稿', 'Draft the contract'], ['再次电话跟进', 'Call again'],
]
/** Ticket subjects by ticket type id. */
export const TICKET_SUBJECTS: Readonly<Record<string, readonly Bi[]>> = {
  tk_install: [['系统部署上线', 'Go-live deployment'], ['账号初始化', 'Account set-up']],
  tk_question: [['报表如何导出', 'How to export reports'], ['权限设置咨询', 'Permission settings']],
  tk_fault: [['移动端无法登录', 'Mobile login fails'], ['数据同步失败', 'Sync fails'], ['页面加载缓慢', 'Slow pages']],
  tk_request: [['希望增加审批流', 'Wants approval flows'], ['自定义字段需求', 'Custom field request']],
  tk_complaint: [['响应速度慢', 'Slow response'], ['实施进度延误', 'Implementation delayed']],
}
/** How tickets were resolved. */
export const RESOLUTIONS: readonly Bi[] = [['远程协助已解决', 'Solved remotely'], ['发布补丁修复', 'Fixed by a patch'], ['提供操作指导', 'Explained the steps'], ['已纳入产品规划', 'Added to the roadmap']]
/** Feedback comments by rating 1..5 (index 0 = rating 1). */
export const FEEDBACK_COMMENTS: readonly (readonly Bi[])[] = [
  [['问题长期未解决，非常不满意', 'Issues unresolved for weeks']],
  [['系统不稳定，响应较慢', 'Unstable and slow support']],
  [['基本满足需求，有待改进', 'Meets basic needs, could improve']],
  [['使用顺畅，服务及时', 'Works well, timely service'], ['销售团队效率明显提升', 'Sales team is more efficient']],
  [['非常满意，愿意推荐给合作伙伴', 'Very happy, would recommend'], ['实施团队专业高效', 'Professional implementation team']],
]
/** Campaign name templates by channel id. */
export const CAMPAIGN_NAMES: Readonly<Record<string, Bi>> = {
  src_exhibition: ['行业展会', 'Trade show'], src_website: ['官网 SEO 推广', 'Website SEO push'], src_social: ['社交媒体直播', 'Social live stream'],
  src_ads: ['搜索广告投放', 'Search ads'], src_telemarketing: ['电话营销专项', 'Telemarketing drive'], src_partner: ['渠道伙伴联合推广', 'Partner co-marketing'],
  src_referral: ['老客户推荐计划', 'Referral programme'], src_other: ['线下沙龙', 'Meet-up'],
}
/** Demo sales reps, used when the workspace has no members to assign. */
export const DEMO_REPS: readonly Bi[] = [['张伟', 'Wei Zhang'], ['李娜', 'Na Li'], ['王磊', 'Lei Wang'], ['刘洋', 'Yang Liu'], ['陈静', 'Jing Chen'], ['赵强', 'Qiang Zhao']]
