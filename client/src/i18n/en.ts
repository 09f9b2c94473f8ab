import { enAccount } from './enAccount.ts'
import { enHost } from './enHost.ts'
import { enMedia } from './enMedia.ts'
import { enSandbox } from './enSandbox.ts'
import { enVideo } from './enVideo.ts'
import { enSandboxHall } from './enSandboxHall.ts'
import { enSandboxShare } from './enSandboxShare.ts'
import { enAdvisor } from './enAdvisor.ts'
import { enEvents } from './enEvents.ts'

/** English strings. Keys must match zhCN.ts (checked by i18n.test.ts). */
export const en = {
  app: { title: 'Atrium virtual branch' },
  join: {
    heading: 'Welcome to the Atrium branch',
    intro: 'Walk in, look around, and meet people. Choose how you appear to others.',
    name: 'Display name',
    namePlaceholder: 'e.g. Alex',
    nameHint: 'Shown to others. Please do not use your full legal name.',
    color: 'Colour',
    shape: 'Head shape',
    shapes: { round: 'Round', cube: 'Square', capsule: 'Capsule' },
    colorN: 'Colour {{n}}',
    language: 'Language',
    enter: 'Enter the branch',
    entering: 'Entering…',
    nameRequired: 'Please enter a display name (1–32 characters).',
    failed: 'Could not enter the branch: {{reason}}',
  },
  loading: {
    assets: 'Preparing the branch… {{percent}}%',
    connecting: 'Connecting to the branch…',
  },
  status: {
    connected: 'Connected',
    connecting: 'Connecting…',
    reconnecting: 'Connection lost, reconnecting… ({{seconds}} s left)',
    disconnected: 'Disconnected',
    retry: 'Reconnect',
    kicked: 'You were disconnected for sending too many invalid messages.',
    ended: 'Your session has ended. Please sign in again to return.',
  },
  instance: {
    label: 'Atrium {{n}}',
    spilled: 'Atrium 1 is full, so you joined Atrium {{n}}.',
    capacity: '{{count}} / {{max}} visitors',
  },
  chat: {
    title: 'Chat',
    placeholder: 'Say something (Enter to send)',
    send: 'Send',
    empty: 'No messages yet.',
    counter: '{{count}} / {{max}}',
  },
  people: { title: 'People here ({{count}})', you: '(you)', away: 'reconnecting' },
  map: {
    title: 'Branch map',
    hint: 'Press M for the map. Keys 1–4 take you to a zone.',
    here: 'You are here',
  },
  zones: {
    atrium: 'Atrium & reception',
    suites: 'Advisory suites',
    sandbox: 'Wealth sandbox hall',
    auditorium: 'Investor-education auditorium',
  },
  zoneInfo: {
    atrium: 'The main hall. The reception desk is straight ahead.',
    suites: 'Private rooms for meetings with an advisor.',
    sandbox: 'Explore plans and risk together in 3D.',
    auditorium: 'Talks and courses on investing.',
  },
  controls: {
    desktop: 'WASD or arrow keys to walk, drag to look around, click the floor to walk there.',
    touch: 'Use the joystick to walk and drag to look around.',
    enterVR: 'Enter VR',
  },
  errors: {
    invalid_message: 'That action was not valid.',
    rate_limited: 'Slow down a little, please.',
    implausible_move: 'Movement corrected.',
    invalid_teleport: 'You cannot go there.',
    forbidden: 'You may not do that here.',
    unknown_message: 'That action is not supported.',
    network: 'network error',
  },
  language: { switch: '中文', label: 'Language' },
  ...enAccount,
  ...enHost,
  ...enMedia,
  ...enSandbox,
  ...enVideo,
  ...enSandboxHall,
  ...enSandboxShare,
  ...enAdvisor,
  ...enEvents,
}

export type Strings = typeof en
