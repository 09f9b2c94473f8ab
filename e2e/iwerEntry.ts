// Bundled into an init script for browser tests: installs an emulated Meta Quest 3 before the app
// loads. forceInstall replaces headless Chromium's own navigator.xr (stack.md P11).
import { metaQuest3, XRDevice } from 'iwer'

const device = new XRDevice(metaQuest3, { stereoEnabled: true })
device.installRuntime({ forceInstall: true })
;(window as unknown as { __iwer: XRDevice }).__iwer = device
