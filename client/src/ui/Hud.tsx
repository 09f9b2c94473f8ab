import { useTranslation } from 'react-i18next'

import { AccountButton } from '../account/AccountButton.tsx'
import { AdvisorEntry } from '../advisor/AdvisorEntry.tsx'
import { EventsEntry } from '../events/EventsEntry.tsx'
import { AskHostButton } from '../hostChat/AskHostButton.tsx'
import { HostChat } from '../hostChat/HostChat.tsx'
import { VoiceControls } from '../media/VoiceControls.tsx'
import { SandboxPlanner } from '../sandbox/panel/SandboxPlanner.tsx'
import { ChatPanel } from './ChatPanel.tsx'
import { ConnectionStatus } from './ConnectionStatus.tsx'
import { EnterVRButton } from './EnterVRButton.tsx'
import { InstanceBadge } from './InstanceBadge.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { PeopleList } from './PeopleList.tsx'
import { Toasts } from './Toasts.tsx'
import { TouchJoystick } from './TouchJoystick.tsx'
import { ZoneMap } from './ZoneMap.tsx'

const coarse = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches

/** The 2D overlay around the 3D view. */
export function Hud({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="hud">
      <header className="topbar">
        <InstanceBadge />
        <ConnectionStatus onRetry={onRetry} />
        <div className="spacer" />
        <VoiceControls />
        <EnterVRButton />
        <AskHostButton />
        <SandboxPlanner />
        <AdvisorEntry />
        <EventsEntry />
        <AccountButton />
        <LanguageSwitch />
      </header>
      <aside className="side">
        <ZoneMap />
        <PeopleList />
        <ChatPanel />
      </aside>
      <p className="help muted">{coarse ? t('controls.touch') : t('controls.desktop')}</p>
      {coarse && <TouchJoystick />}
      <HostChat />
      <Toasts />
    </div>
  )
}
