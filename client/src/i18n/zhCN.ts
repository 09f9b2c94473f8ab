import type { Strings } from './en.ts'
import { zhCNAccount } from './zhCNAccount.ts'
import { zhCNHost } from './zhCNHost.ts'
import { zhCNMedia } from './zhCNMedia.ts'
import { zhCNSandbox } from './zhCNSandbox.ts'
import { zhCNVideo } from './zhCNVideo.ts'
import { zhCNSandboxHall } from './zhCNSandboxHall.ts'
import { zhCNSandboxShare } from './zhCNSandboxShare.ts'
import { zhCNAdvisor } from './zhCNAdvisor.ts'
import { zhCNEvents } from './zhCNEvents.ts'

/** Simplified Chinese strings. */
export const zhCN: Strings = {
  app: { title: 'Atrium 云上网点' },
  join: {
    heading: '欢迎来到 Atrium 云上网点',
    intro: '走进大厅，四处看看，与他人交流。请选择您在网点中的形象。',
    name: '显示名称',
    namePlaceholder: '例如：小明',
    nameHint: '其他人可以看到此名称，请勿使用您的真实全名。',
    color: '颜色',
    shape: '头部形状',
    shapes: { round: '圆形', cube: '方形', capsule: '胶囊形' },
    colorN: '颜色 {{n}}',
    language: '语言',
    enter: '进入网点',
    entering: '正在进入…',
    nameRequired: '请输入显示名称（1–32 个字符）。',
    failed: '无法进入网点：{{reason}}',
  },
  loading: {
    assets: '正在准备网点… {{percent}}%',
    connecting: '正在连接网点…',
  },
  status: {
    connected: '已连接',
    connecting: '正在连接…',
    reconnecting: '连接中断，正在重新连接…（剩余 {{seconds}} 秒）',
    disconnected: '已断开连接',
    retry: '重新连接',
    kicked: '由于发送了过多无效消息，您已被断开连接。',
    ended: '您的登录会话已结束，请重新登录后再进入。',
  },
  instance: {
    label: '大厅 {{n}}',
    spilled: '大厅 1 已满，您已进入大厅 {{n}}。',
    capacity: '{{count}} / {{max}} 位访客',
  },
  chat: {
    title: '聊天',
    placeholder: '输入消息（按回车发送）',
    send: '发送',
    empty: '暂无消息。',
    counter: '{{count}} / {{max}}',
  },
  people: { title: '在场人员（{{count}}）', you: '（您）', away: '正在重新连接' },
  map: {
    title: '网点地图',
    hint: '按 M 打开地图，按数字键 1–4 前往各区域。',
    here: '您在这里',
  },
  zones: {
    atrium: '大堂与接待台',
    suites: '财富顾问室',
    sandbox: '财富沙盘厅',
    auditorium: '投资者教育厅',
  },
  zoneInfo: {
    atrium: '网点主厅，正前方是接待台。',
    suites: '与理财顾问面谈的私密房间。',
    sandbox: '以 3D 方式了解资产配置与风险。',
    auditorium: '投资知识讲座与课程。',
  },
  controls: {
    desktop: '使用 WASD 或方向键行走，拖动鼠标环顾四周，点击地面即可走到该处。',
    touch: '使用摇杆行走，拖动屏幕环顾四周。',
    enterVR: '进入 VR',
  },
  errors: {
    invalid_message: '该操作无效。',
    rate_limited: '操作过于频繁，请稍候。',
    implausible_move: '位置已校正。',
    invalid_teleport: '无法前往该位置。',
    forbidden: '您无权在此执行该操作。',
    unknown_message: '不支持该操作。',
    network: '网络错误',
  },
  language: { switch: 'English', label: '语言' },
  ...zhCNAccount,
  ...zhCNHost,
  ...zhCNMedia,
  ...zhCNSandbox,
  ...zhCNVideo,
  ...zhCNSandboxHall,
  ...zhCNSandboxShare,
  ...zhCNAdvisor,
  ...zhCNEvents,
}
