import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { xrStore } from '../xr/xrStore.ts'

/** "Enter VR", shown only where an immersive-vr session is supported. */
export function EnterVRButton() {
  const { t } = useTranslation()
  const [supported, setSupported] = useState(false)
  useEffect(() => {
    let alive = true
    navigator.xr
      ?.isSessionSupported('immersive-vr')
      .then((ok) => alive && setSupported(ok))
      .catch(() => undefined)
    return () => {
      alive = false
    }
  }, [])
  if (!supported) return null
  return (
    <button id="enter-vr" type="button" className="primary" onClick={() => void xrStore.enterVR()}>
      {t('controls.enterVR')}
    </button>
  )
}
