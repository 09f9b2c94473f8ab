/**
 * What the host says when it is not quoting the knowledge base, in both languages. Kept in one place so
 * compliance can review every fixed sentence; every one passes the output check (guardrails.ts), and a test
 * holds them to it.
 */
import type { Lang } from '../i18nLangs.ts'
import type { ZoneId } from '../zones.ts'

type Bilingual = Record<Lang, string>

/** Risk disclosure carried by product and suitability answers and by guardrail replies. */
export const RISK_DISCLOSURE: Bilingual = {
  'zh-CN':
    '风险提示：理财非存款，产品有风险，投资须谨慎。过往业绩不代表未来表现。购买前请完成风险承受能力评估（C1–C5），' +
    '并只选择风险等级（R1–R5）与您的评估结果相匹配的产品。',
  en:
    'Risk disclosure: investment involves risk; wealth products are not deposits and may lose value. Past ' +
    'performance is not a guide to future results. Complete the risk questionnaire (C1–C5) before buying, and ' +
    'consider only products whose risk rating (R1–R5) matches your result.',
}

/** Fixed replies by kind. */
export const TEXTS = {
  advice: {
    'zh-CN':
      '我不能告诉您具体该买或卖哪一款产品，也没有人能承诺收益：任何投资都有风险。适合您的产品取决于您的风险承受能力。' +
      '请先完成风险测评（C1 保守型至 C5 激进型），只考虑风险等级（R1 至 R5）不高于您评估结果的产品。' +
      '如需个性化建议，我可以为您联系一位持牌理财顾问。',
    en:
      "I can't tell you which product to buy or sell, and no one can promise returns: every investment carries risk. " +
      'What suits you depends on your risk tolerance. Take the risk questionnaire first (C1 conservative to C5 ' +
      'aggressive) and consider only products rated R1 to R5 at or below your result. For personal advice I can ' +
      'connect you with a licensed advisor.',
  },
  fraud: {
    'zh-CN':
      '请注意：这很可能是诈骗。请立即挂断电话、停止操作，不要转账，不要向任何人透露短信验证码或密码，' +
      '不要开启屏幕共享或安装远程软件。公检法机关不会通过电话要求转账，也没有所谓的“安全账户”。' +
      '请自行拨打本行官方客服电话（银行卡背面的号码）核实；如已转账，请立即拨打110报警并联系我们。',
    en:
      'Warning: this looks like a scam. Stop now: hang up, do not transfer any money, and never share a ' +
      'verification code, a password or your screen with anyone. Police and courts never ask you to move money ' +
      "to a 'safe account'. Call the bank's official number yourself (the one on the back of your card) to " +
      'check; if you have already paid, call the police (110) and us at once.',
  },
  handoff: {
    'zh-CN': '好的，我正在为您联系一位工作人员，请稍候。对方会看到我们刚才的对话，您不必重复说明。',
    en: "Of course. I'm connecting you with a member of staff; please wait a moment. They will see our conversation, so you won't need to repeat yourself.",
  },
  complaint: {
    'zh-CN': '很抱歉给您带来了不好的体验。我已记录您的投诉，我们会在24小时内回复您。',
    en: "I'm sorry about your experience. I've recorded your complaint, and we will respond within 24 hours.",
  },
  sandbox: {
    'zh-CN':
      '好的，正在为您打开财富沙盘。您可以试算不同的资产配置，查看长期结果的可能范围；模拟仅供参考，不代表未来收益。',
    en: 'Opening the wealth sandbox. Try different allocations and see the range of long-term outcomes; simulations are illustrations, not forecasts.',
  },
  questionnaire: {
    'zh-CN': '好的，我们开始风险承受能力评估。问卷大约需要3分钟，结果（C1–C5）决定适合您的产品风险等级（R1–R5）。',
    en: "Let's start the risk questionnaire. It takes about three minutes; your result (C1–C5) decides which product risk levels (R1–R5) suit you.",
  },
  register: {
    'zh-CN': '好的，这是近期的投资者教育活动，选择一场即可报名。',
    en: 'Here are the upcoming investor-education events; pick one to register.',
  },
  clarify: {
    'zh-CN': '我不太确定您想问的是哪一个问题。您是想了解下面哪一项？',
    en: "I'm not sure I understood. Did you mean one of these?",
  },
  decline: {
    'zh-CN': '抱歉，这个问题超出了我能回答的范围。需要的话，我可以为您转接一位工作人员。',
    en: "Sorry, that's outside what I can help with here. If you like, I can connect you with a member of staff.",
  },
  personal: {
    'zh-CN': '我在这里看不到您的账户信息。请登录手机银行查询；需要的话，我也可以为您转接一位工作人员。',
    en: "I can't see your accounts from here. Please check in the mobile banking app, or I can connect you with a member of staff.",
  },
  forecast: {
    'zh-CN':
      '没有人能准确预测市场走势或价格，我也不提供行情预测。我可以为您介绍产品风险等级，或为您联系一位持牌理财顾问。',
    en: 'No one can reliably predict markets or prices, and I do not give forecasts. I can explain product risk levels, or connect you with a licensed advisor.',
  },
  /** Said instead of a text that failed the output check. */
  withheld: {
    'zh-CN': '抱歉，这个问题我无法准确回答。我可以为您转接一位工作人员。',
    en: "Sorry, I can't answer that reliably. I can connect you with a member of staff.",
  },
} satisfies Record<string, Bilingual>

/** The suggestion that asks for a person (it matches the handoff intent when picked). */
export const ASK_FOR_PERSON: Bilingual = { 'zh-CN': '我想找工作人员', en: 'Talk to a person' }

const ZONE_NAMES: Record<ZoneId, Bilingual> = {
  atrium: { 'zh-CN': '中庭接待台', en: 'the atrium reception' },
  suites: { 'zh-CN': '顾问室', en: 'the advisory suites' },
  sandbox: { 'zh-CN': '财富沙盘厅', en: 'the wealth sandbox hall' },
  auditorium: { 'zh-CN': '投教报告厅', en: 'the investor-education auditorium' },
}

/** "I'll take you to …" for a zone. */
export function navigateText(zone: ZoneId, lang: Lang): string {
  const name = ZONE_NAMES[zone][lang]
  return lang === 'zh-CN' ? `好的，我带您去${name}。` : `Sure, I'll take you to ${name}.`
}

/** Joins sentences in the reply language (Chinese needs no space after its full stop). */
export function joinText(lang: Lang, ...parts: string[]): string {
  return parts.filter(Boolean).join(lang === 'zh-CN' ? '' : ' ')
}
