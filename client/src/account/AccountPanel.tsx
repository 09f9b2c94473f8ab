import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { signOut } from '../auth/authApi.ts'
import { useSession } from '../auth/useSession.ts'
import { staffTabs } from '../hostChat/staff/staffTabs.ts'
import { useAppStore } from '../state/useAppStore.ts'
import { ConsentList } from './ConsentList.tsx'
import { DataExport } from './DataExport.tsx'
import { DeleteAccount } from './DeleteAccount.tsx'
import { Dialog } from './Dialog.tsx'
import { ProfileSettings } from './ProfileSettings.tsx'
import { SessionList } from './SessionList.tsx'
import { StaffPanel } from './StaffPanel.tsx'

const close = () => useAppStore.getState().set({ accountOpen: false })

/** The signed-in person's account: profile for everyone, privacy controls for customers, tools for staff. */
export function AccountPanel() {
  const { t } = useTranslation()
  const open = useAppStore((s) => s.accountOpen)
  const user = useSession((s) => s.user)
  const staff = !!user && staffTabs(user.role).length > 0

  // signed out or deleted: nothing left to show
  useEffect(() => {
    if (!user && open) close()
  }, [user, open])

  return (
    <Dialog
      open={open && !!user}
      onClose={close}
      labelledBy="account-heading"
      className={staff ? 'account wide' : 'account'}
    >
      {user && (
        <>
          <header className="dialog-head">
            <h2 id="account-heading">{t('account.title')}</h2>
            <button type="button" className="close" onClick={close} aria-label={t('account.close')}>
              ×
            </button>
          </header>
          <p className="muted" id="account-summary">
            {t('account.summary', { name: user.displayName, role: t(`account.roles.${user.role}`) })}
          </p>
          <ProfileSettings key={user.id} user={user} />
          {user.role === 'customer' && (
            <>
              <ConsentList />
              <DataExport />
              <DeleteAccount />
            </>
          )}
          <SessionList />
          {staff && <StaffPanel role={user.role} />}
          <footer className="row">
            <button id="account-sign-out" type="button" onClick={() => void signOut()}>
              {t('account.signOut')}
            </button>
          </footer>
        </>
      )}
    </Dialog>
  )
}
