/**
 * Guardrails applied to every exchange (finance.md §5: know the client, know the product, match them, disclose
 * risk). The host is not a licensed advisor and is never allowed to:
 * - tell a visitor which product to buy or sell, or promise returns (input: advice requests → advice_guardrail);
 * - miss the signs of a scam in progress (input: fraud signals → fraud_warning);
 * - say anything that promises principal or returns, whatever the source of the text (output check).
 * All patterns run on NFKC-lowercased text and are deliberately explicit so compliance can review them.
 */

/** Promises of returns or safety of principal ("保本吗", "稳赚", "guaranteed returns"). */
const PROMISE_ASK =
  /保本|保息|稳赚|包赚|稳赢|稳挣|只赚不赔|不会亏|不亏本|亏不了|零风险|无风险|刚兑|刚性兑付|保证收益|保证回报|收益保证|保收益|一定(?:能)?赚|肯定(?:能)?赚|guarantee[ds]? (?:a |my |the )?(?:return|profit|income|yield|interest|principal|gain)|guaranteed|principal[- ]protected|capital[- ]protected|risk[- ]free|no[- ]risk|can(?:'t|not| not) lose|never lose|sure (?:profit|win|thing|bet)|safe bet/

/** Requests to be told what to buy, sell or hold. */
const WHAT_TO_BUY =
  /(?:买|购买|投|选|入手|配置|定投)(?:哪|什么|啥)(?:个|只|款|种|支|些)?(?:基金|理财|股票|产品|债券|etf|保险|黄金)?|推荐(?:一下|一个|一只|一款|几只|几个|几款|些)?(?:.{0,6})(?:基金|理财|股票|产品|债券|etf|投资)|(?:应该|应不应该|该不该|要不要|能不能|可不可以|值不值得|是否应该)(?:现在)?(?:买|卖|购买|卖出|赎回|抛|加仓|减仓|入手|抄底|投资|定投)|哪(?:个|只|款|种|支)(?:理财产品|基金|理财|产品|股票|债券|etf)(?:比较|更|最)?(?:好|收益最高|收益高|值得|靠谱|划算)|帮我(?:选|挑|配置)|收益最高的|(?:该|要)(?:买|卖)(?:什么|哪)|which (?:\w+ )?(?:funds?|stocks?|shares?|products?|etfs?|bonds?|investments?)(?: \w+){0,3} (?:should|shall|would you|do you recommend|to buy|is best|are best)|what (?:\w+ )?(?:funds?|stocks?|shares?|products?|etfs?|bonds?) (?:should|shall|to buy|do you recommend)|should i (?:buy|sell|invest|redeem|hold|put my money)|(?:recommend|suggest|pick|choose)(?: me)? (?:a |an |some |any |the best )?(?:good )?(?:funds?|stocks?|shares?|products?|investments?|etfs?|bonds?)|best (?:funds?|stocks?|products?|investments?|etfs?)(?: to buy| for me| right now)?|what (?:should|do) i (?:buy|invest in)|tell me what to (?:buy|sell|invest)|where should i (?:invest|put my money)|(?:is|are) (?:it|this|that|now) a good time to (?:buy|sell|invest)/

/** Single signals strong enough on their own: classic scripts of telecom fraud in China and elsewhere. */
const FRAUD_STRONG =
  /安全账户|安全帐户|公检法|冒充(?:警察|公安|银行|客服|领导)|(?:警察|公安|检察院|法院|警官)(?:打电话|来电|通知|说|让我|要我|要求)|涉嫌洗钱|洗钱案|(?:告诉|给|发给|提供|报给|念给|说出|透露|发送|转发)(?:他|她|对方|他们|客服|别人|陌生人)?(?:我的)?(?:短信)?验证码|验证码(?:发给|告诉|给)(?:他|她|对方|别人)|远程(?:控制|协助|桌面|操作)|(?:屏幕|桌面)(?:共享|分享)|共享(?:屏幕|桌面)|(?:下载|安装)(?:.{0,6})(?:会议|远程|屏幕共享)(?:软件|app)?|safe account|secure account|holding account|(?:share|give|tell|send|read|forward)(?: \w+){0,4} (?:verification|sms|otp|one[- ]time|security|authentication|bank) (?:code|password|pin)|(?:share|give|tell|send|read) (?:them |him |her |someone )?(?:the |my )?(?:otp|code)\b|screen[- ]?shar|share (?:my |the )?screen|remote (?:access|control|desktop)|anydesk|teamviewer|rustdesk|(?:police|officer|prosecutor|court|customs)(?: \w+){0,3} (?:called|asked|told|said|demand)|pretend(?:ing)? to be (?:the )?(?:police|bank)|money laundering/

/** Weaker signals: on their own they are everyday banking ("收不到验证码", "urgent transfer"). */
const PRESSURE =
  /紧急|马上|立刻|立即|赶紧|尽快|限时|今天之内|urgent|immediately|right now|asap|within (?:an|one|the) hour|hurry/
const STRANGER =
  /陌生(?:人|电话|来电)|对方|有人|他说|她说|电话里|来电说|打电话(?:来|给我)|短信说|客服说|自称|someone|stranger|a caller|somebody|they said|he said|she said|caller|claim(?:s|ed|ing)? to be/
const MONEY = /转账|汇款|打款|转钱|付款|transfer|wire|send (?:money|funds)|pay (?:them|him|her)|gift cards?/
const THREAT = /冻结|逮捕|通缉|征信|退款|中奖|刷单|高额回报|frozen|freeze|arrest|warrant|refund|prize|lottery|won a/
const SECRET = /验证码|密码|verification code|password|\bpin\b|\botp\b|\bcode\b/

/** True when the visitor asks what to buy or sell, or for promised returns. */
export function isAdviceRequest(norm: string): boolean {
  return PROMISE_ASK.test(norm) || WHAT_TO_BUY.test(norm)
}

/** True when the visitor's words show signs of a scam in progress. */
export function isFraudSignal(norm: string): boolean {
  if (FRAUD_STRONG.test(norm)) return true
  // a stranger who wants money, a code or haste; or a threat that comes with haste and a payment
  const [pressure, money, threat, secret] = [PRESSURE, MONEY, THREAT, SECRET].map((re) => re.test(norm))
  if (STRANGER.test(norm) && (pressure || money || threat || secret)) return true
  return Boolean(threat && pressure && money)
}

/** Phrases that promise returns or principal: forbidden in any reply unless negated. */
const PROMISE_OUT =
  /保本保息|保本|保息|保证收益|保证回报|收益有保障|稳赚不赔|稳赚|包赚|零风险|无风险|刚性兑付|刚兑|只赚不赔|guaranteed (?:returns?|profits?|income|yields?|interest|principal|gains?)|guarantees? (?:a |the |your )?(?:returns?|profits?|income|principal)|principal[- ](?:guaranteed|protected)|capital[- ](?:guaranteed|protected)|risk[- ]free|can(?:'t|not| not) lose|no risk/g

/** Negations that, shortly before a promise phrase in the same clause, turn it into a warning ("不保本"). */
const NEGATION =
  /不|非|没有|无法|并不|未|别|勿|禁止|不得|不能|不会|不承诺|\bnot?\b|\bnever\b|\bnor\b|\bwithout\b|n't\b|\bcannot\b|\bno longer\b|\bneither\b/
/** Clause boundaries: a negation before one of these does not reach past it. */
const CLAUSE = /[。！？!?;；，：\n]|[.,:](?:\s|$)/

/**
 * Promise phrases in `text` that are not negated, e.g. "保本保息" or "guaranteed returns", but not "不保本",
 * "理财非存款，不保证收益" or "no investment is risk-free". A phrase counts as negated when a negation occurs in
 * the same clause within the 12 characters (Chinese) or 30 characters (English, about five words) before it.
 */
export function unnegatedPromises(text: string): string[] {
  const norm = text.normalize('NFKC').toLowerCase()
  const found: string[] = []
  for (const m of norm.matchAll(PROMISE_OUT)) {
    const before = norm.slice(Math.max(0, m.index - 30), m.index)
    const clause = before.split(CLAUSE).pop() ?? ''
    const window = /[a-z]/.test(m[0]) ? clause : clause.slice(-12)
    if (!NEGATION.test(window)) found.push(m[0])
  }
  return found
}

/** Wording that recommends a transaction ("建议您购买…", "you should buy…"): never in a reply. */
const RECOMMENDS =
  /(?:建议|推荐)(?:您|你)?(?:立即|马上|现在)?(?:购买|买入|申购|认购|卖出|赎回|抛售|加仓|减仓)|(?:you should|i(?:'d| would)? recommend|i suggest)(?: that you)? (?:buy|sell|invest in|redeem|buying|selling|investing in)/

/** Problems with a reply text (empty when it may be said): unnegated promises and buy/sell recommendations. */
export function outputProblems(text: string): string[] {
  const problems = unnegatedPromises(text).map((p) => `promise: ${p}`)
  const rec = RECOMMENDS.exec(text.normalize('NFKC').toLowerCase())
  if (rec) problems.push(`recommendation: ${rec[0]}`)
  return problems
}
