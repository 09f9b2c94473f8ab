/**
 * Bank-like questions the host must decline even though they share words with the FAQ: the visitor's own data
 * (it cannot see accounts, and guessing would be worse than saying so) and forecasts or live prices (nobody can
 * promise where markets go, and quoting prices would be advice-adjacent). Retrieval would otherwise find a
 * confident-looking entry for "我的房贷还欠多少" (mortgages) or "will gold fall" (gold funds).
 */

/** Why a question is out of the host's reach. */
export type OutOfReach = 'personal' | 'forecast'

const PERSONAL =
  /我的(?:余额|账单|工资|房贷|贷款|信用卡账单|存款|积分)(?:还)?(?:有|是|欠|剩|剩下)?(?:多少|几)|我(?:卡里|账户里|账上)(?:还)?有多少|我(?:还)?欠(?:银行|你们)?多少|我(?:这个月|上个月|昨天|今天|刚才|前天)(?:的)?(?:工资|那笔|转账|花了|消费|存的)|(?:我的)?(?:工资|那笔(?:转账|钱))(?:到账了|到了)(?:吗|没)|what(?:'s| is) my (?:current |account |available )?(?:balance|bill|salary|credit card bill|statement)|how much (?:money )?(?:do i have|have i got|is (?:left )?in my account|do i (?:still )?owe|did i spend)|(?:has|have|did) my (?:salary|transfer|payment|pay|wages?)(?: \w+){0,3} (?:been paid|go through|arrived?|come in|gone through|landed)/

const MARKET_ZH = /股市|股票|大盘|黄金|金价|房价|汇率|美元|人民币|比特币|基金净值|指数|a股|油价|利率/
const MOVE_ZH =
  /(?:明天|下周|下个月|明年|今年|未来|后市|近期)(?:.{0,8})(?:会|能|要)?(?:涨|跌|升值|贬值|上涨|下跌|降)|会不会(?:涨|跌|降)|走势(?:预测|如何|怎么样)|预测|(?:今天|现在|目前|最新)(?:的)?(?:金价|汇率|股价|油价|价格)|股价(?:是)?多少|汇率(?:是)?多少/
const MARKET_EN =
  /stock market|stocks?|shares?|gold|prices?|house prices|property|dollar|yuan|rmb|euro|bitcoin|crypto|market|index|exchange rate|oil/
const MOVE_EN =
  /(?:will|is|are|going to)(?: \w+){0,4} (?:go up|go down|rise|fall|drop|crash|get stronger|get weaker|increase|decrease|recover)|forecast|predict|outlook|(?:price|rate|value) (?:of \w+ )?(?:today|now|right now|at the moment)|what(?:'s| is) the (?:\w+ )?(?:price|exchange rate|share price|stock price)/

/** Whether the visitor asks for their own data or for a forecast or live price. `norm` is NFKC-lowercased. */
export function outOfReach(norm: string): OutOfReach | undefined {
  if (PERSONAL.test(norm)) return 'personal'
  if ((MARKET_ZH.test(norm) && MOVE_ZH.test(norm)) || (MARKET_EN.test(norm) && MOVE_EN.test(norm))) return 'forecast'
  return undefined
}
