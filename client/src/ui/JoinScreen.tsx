import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { EntryTabs, type EntryMode } from '../account/EntryTabs.tsx'
import { RegisterForm } from '../account/RegisterForm.tsx'
import { SignedInEntry } from '../account/SignedInEntry.tsx'
import { SignInForm } from '../account/SignInForm.tsx'
import { useSession } from '../auth/useSession.ts'
import { MicCheck } from '../media/MicCheck.tsx'
import type { Profile } from '../state/useAppStore.ts'
import { GuestForm } from './GuestForm.tsx'

interface JoinScreenProps {
  onJoin: (p: Profile) => Promise<void>
  onJoinAccount: () => Promise<void>
}

/** Enter as a guest (name, look, language), sign in or register; signed in, enter with the account. */
export function JoinScreen({ onJoin, onJoinAccount }: JoinScreenProps) {
  const { t } = useTranslation()
  const [mode, setMode] = useState<EntryMode>('guest')
  const status = useSession((s) => s.status)
  const user = useSession((s) => s.user)

  return (
    <main className="join">
      <div className="card" role="region" aria-labelledby="join-heading">
        <p className="brand">{t('app.title')}</p>
        <h1 id="join-heading">{t('join.heading')}</h1>
        {user ? (
          <SignedInEntry user={user} onJoin={onJoinAccount} />
        ) : (
          <>
            <p className="muted">{t('join.intro')}</p>
            {status === 'restoring' && (
              <p className="muted" role="status">
                {t('entry.restoring')}
              </p>
            )}
            <EntryTabs mode={mode} onChange={setMode} />
            <div id="entry-panel" role="tabpanel" aria-labelledby={`entry-tab-${mode}`}>
              {mode === 'guest' && <GuestForm onJoin={onJoin} />}
              {mode === 'signIn' && <SignInForm />}
              {mode === 'register' && <RegisterForm />}
            </div>
          </>
        )}
        <MicCheck />
      </div>
    </main>
  )
}
