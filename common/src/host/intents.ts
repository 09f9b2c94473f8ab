/**
 * Requests that are actions rather than questions: go somewhere, open the sandbox, take the risk questionnaire,
 * register for an event, talk to a person, complain. Matched with explicit bilingual patterns before retrieval,
 * because a wrong action is worse than a wrong answer and patterns are easy to review and test. A question *about*
 * a feature ("what is the wealth sandbox?", "投诉多久处理？") is left to the knowledge base: each action needs a
 * verb of doing, not just the feature's name.
 */
import type { ZoneId } from '../zones.ts'

/** An action request found in a visitor's words. */
export type Intent =
  | { kind: 'navigate'; zone: ZoneId }
  | { kind: 'open_sandbox' }
  | { kind: 'start_questionnaire' }
  | { kind: 'register_event' }
  | { kind: 'handoff' }
  | { kind: 'complaint' }

/** How each zone is called. Tested against NFKC-lowercased text. */
const ZONE_NAMES: Record<ZoneId, RegExp> = {
  atrium: /中庭|大厅|大堂|接待台|接待处|前台|reception|atrium|lobby|front desk|entrance/,
  suites:
    /顾问室|顾问套间|咨询室|洽谈室|贵宾室|advis(?:o|e)ry suites?|advis(?:o|e)r(?:'s)? (?:rooms?|suites?)|suites?\b/,
  sandbox: /财富沙盘|沙盘|sandbox/,
  auditorium: /报告厅|投教|讲堂|礼堂|auditorium|lecture hall|education hall|event hall/,
}

const GO =
  /带我|领我|我要去|我想去|想去|去一下|前往|怎么走|怎么去|如何去|在哪|哪里|在什么地方|位置|导航|带路|take me|bring me|walk me|show me (?:the way|where)|guide me|go to|get to|head to|where (?:is|are|'s)|how do i (?:get|find)|way to|directions?|navigate/

/** 去/到/进 + a zone name ("去报告厅"): too common on their own to count as a request to go anywhere. */
const GO_ZH = Object.fromEntries(
  Object.entries(ZONE_NAMES).map(([zone, re]) => [zone, new RegExp(`(?:去|到|进)(?:一下)?(?:${re.source})`)]),
) as Record<ZoneId, RegExp>

const OPEN_SANDBOX =
  /(?:打开|开启|启动|进入|使用|用一下|试试|试一下|体验|玩)(?:一下)?(?:财富)?沙盘|(?:open|launch|start|use|try|run)(?: up)? (?:the |a )?(?:wealth )?sandbox|(?:模拟|测算)(?:一下)?我的(?:投资|资产|理财|配置)|(?:run|do) (?:a |my )?(?:portfolio |wealth )?simulation/

const QUESTIONNAIRE =
  /(?:做|开始|进行|填写|填|参加|重新做|重做|更新)(?:一下|一个|一份)?(?:我的)?(?:风险)?(?:测评|评估|问卷)|(?:测|评估)(?:一下)?(?:我的)?风险(?:等级|承受能力|偏好)|(?:take|start|do|begin|fill (?:in|out)|complete|redo|retake|update)(?: the| a| my)? (?:risk )?(?:questionnaire|assessment|profil(?:e|ing)|test)|assess my risk/

/** "Why do I need to take the questionnaire?" asks about it; it does not ask to start it. */
const ABOUT = /为什么|什么是|是什么|有什么用|干什么|做什么用|多久|有效期|\bwhy\b|what (?:is|are|does)|what's|how long/

const EVENT_WORD = /event|seminar|talk|webinar|session|lecture|class|workshop|course/
const REGISTER =
  /报名|(?:我要|我想|想|帮我)(?:参加|预约|预订)(?:一下)?(?:这个|下周的?|本周的?)?(?:讲座|活动|投教|课程|直播)|(?:register|sign (?:me )?up|enrol+|book (?:a )?(?:seat|place|spot)|reserve (?:a )?(?:seat|place|spot)|join)\b/

const HANDOFF =
  /转人工|人工服务|人工客服|真人|(?:转|找|联系|接通|要|换|叫|跟|和|请)(?:一个|一位|个|位)?(?:人工|真人|顾问|理财顾问|理财经理|客户经理|工作人员|客服人员)|(?:talk|speak|chat)(?: to| with) (?:a |an |the |some |your )?(?:real |live |human )?(?:human|person|someone|somebody|advis(?:o|e)r|agent|representative|staff|banker|people)|connect me|(?:get|want|need) (?:a |an )?(?:real |live )?(?:human|person|advis(?:o|e)r|agent)\b|real person|human please|operator/

/** Who a visitor may ask to book or meet: an advisor, a manager, a person. */
const PERSON_ZH =
  '(?:专属|专业的?)?(?:理财|财富|投资|贷款|银行)?(?:顾问|经理|客户经理|理财经理|专员|专家|人工|真人|工作人员|客服)'
const PERSON_EN =
  '(?:(?:a|an|the|my|one of your|someone|somebody|a real|a live)\\s+)?(?:(?:real|live|human|financial|wealth|investment|personal|relationship|bank|loan|mortgage)\\s+)*(?:advis(?:o|e)rs?|bankers?|managers?|planners?|consultants?|specialists?|experts?|person|people|human|someone|somebody|agent|staff)'
const MEETING_EN = '(?:appointments?|meetings?|sessions?|consultations?|slots?|calls?)'

/**
 * A request to book, see or talk to an advisor or a person, which creates a hand-off (a person takes it from
 * there, booking included). Chinese: a wish or a plea (我想, 帮我, 麻烦…) before 预约/约/见/找 and the person, or
 * the bare imperative "预约客户经理". English: I want / I'd like / let me / can you / please, or a bare
 * imperative, before book / schedule / see / meet and an appointment or the person; "can I book an advisor?"
 * only when nothing follows but politeness ("can I book an advisor at the weekend?" asks about hours).
 */
const BOOK_REQUEST = new RegExp(
  [
    `(?:我想|我要|想要|想|要|帮我|给我|替我|请|麻烦(?:你|您)?|我需要|需要|能不能|可不可以|可以|能)(?:帮我|给我|替我)?(?:预约|约|预订|安排|见|见见|面见|找|联系|约见)(?:一下|下)?(?:一个|一位|个|位)?${PERSON_ZH}`,
    `^(?:请)?(?:预约|约见|约)(?:一下|下)?(?:一个|一位|个|位)?${PERSON_ZH}(?:聊聊|谈谈|咨询)?[吧。！!\\s]*$`,
    `(?:\\bi(?:'d| would)?\\s+(?:like|love|want|need|wish|wanna)(?:\\s+to)?|\\blet me|\\b(?:can|could|would|will) you|\\bplease|^)\\s*(?:please\\s+)?(?:book|schedule|arrange|set up|make|get|see|meet|organi[sz]e)(?:\\s+me)?(?:\\s+(?:in|up))?\\s+(?:(?:a|an|the|my)\\s+)?(?:${MEETING_EN}|${PERSON_EN})\\b`,
    `\\b(?:can|could|may) i (?:please )?(?:book|schedule|make|arrange|have|get|see|meet)\\s+(?:(?:a|an|the)\\s+)?(?:${MEETING_EN}(?: with ${PERSON_EN})?|${PERSON_EN})(?:\\s+(?:please|now|today|for me))*\\s*[?.!]*$`,
  ].join('|'),
)

/**
 * Questions about booking or about talking to someone ("怎么预约顾问", "how do I book an advisor?", "can I
 * cancel my booking?", "转人工后顾问知道我说了什么吗"): answered from the knowledge base, never turned into a
 * hand-off. They ask how, when, why or what, or name a part of the process (cancelling, waiting, preparing…).
 */
const ABOUT_BOOKING =
  /怎么|怎样|如何|流程|步骤|多久|多长|几点|什么时候|哪天|取消|改约|改期|改时间|迟到|错过|没赶上|准备|带什么|录音|录像|记录|纪要|总结|登录|注册|账号|收费|费用|免费|为什么|哪些|什么|能看到|看得到|会不会|是否|需不需要|要不要|\bhow\b|\bwhat\b|\bwhen\b|\bwhy\b|\bwhich\b|\bwhere\b|cancel|reschedul|\bchange\b|\blate\b|\bmiss|\bwait|prepare|\bbring\b|record|without|weekend|holiday|\bcosts?\b|\bfees?\b|\bcharge|do i need|have to|\bdoes\b/

const COMPLAINT_STRONG =
  /我要投诉|我想投诉|我要举报|投诉你们|要投诉|太差了|很不满|非常不满|不满意|差评|维权|(?:want|like|need) to (?:make |file |lodge |raise )?(?:a )?complain|i(?:'m| am) (?:very |really )?(?:unhappy|dissatisfied|angry|upset|annoyed)|unacceptable|terrible service|awful service/
const COMPLAINT_WORD = /投诉|complain/
/** Questions about the complaint process itself, answered from the knowledge base rather than recorded. */
const COMPLAINT_INFO =
  /多久|多长时间|时限|流程|渠道|怎么投诉|如何投诉|哪里投诉|在哪|进度|how (?:long|do|can|to)|where|what is|process|procedure|channel|status|deadline/

/**
 * The action a visitor asks for, or undefined for a question. `norm` is NFKC-lowercased text.
 * Order matters: a person (handoff) and a complaint outrank the branch features, and opening the sandbox
 * outranks walking to it.
 */
export function detectIntent(norm: string): Intent | undefined {
  if (COMPLAINT_STRONG.test(norm) || (COMPLAINT_WORD.test(norm) && !COMPLAINT_INFO.test(norm))) {
    return { kind: 'complaint' }
  }
  if ((HANDOFF.test(norm) || BOOK_REQUEST.test(norm)) && !ABOUT_BOOKING.test(norm)) return { kind: 'handoff' }
  const about = ABOUT.test(norm)
  if (QUESTIONNAIRE.test(norm) && !about) return { kind: 'start_questionnaire' }
  if (OPEN_SANDBOX.test(norm) && !about) return { kind: 'open_sandbox' }
  if (REGISTER.test(norm) && (/报名|讲座|活动|投教|课程|直播/.test(norm) || EVENT_WORD.test(norm))) {
    return { kind: 'register_event' }
  }
  const go = GO.test(norm)
  for (const zone of Object.keys(ZONE_NAMES) as ZoneId[]) {
    if (ZONE_NAMES[zone].test(norm) && (go || GO_ZH[zone].test(norm))) return { kind: 'navigate', zone }
  }
  return undefined
}

/** "Yes" to the host's offer of a person (after a decline or a clarifying question). */
export function isAffirmative(norm: string): boolean {
  return /^(?:好|好的|好啊|行|可以|是|是的|嗯|对|要|需要|麻烦了|yes|yeah|yep|ok|okay|sure|please|yes please)[\s!.。！,，]*$/.test(
    norm.trim(),
  )
}
