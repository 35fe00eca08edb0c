// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The virtual device (`MiniProgramOptions.device`, a `VirtualDevice` in Swift): the one source of
// every info API of both platforms, so their numbers agree — the window is the screen minus the
// status and navigation bars (unless the page draws its own: `navigationStyle: custom`, Alipay
// `transparentTitle`), minus the tab bar on tab pages; the safe area lies inside the screen; the
// menu button sits below the status bar inside the window. The theme follows the host's
// `themeChange` events (`MiniProgramSession.emit("themeChange", {theme: "dark"})`).
import { config } from 'hc:host';
import { tabPages, report } from './common.js';
import { configOf } from './component-registry.js';
import { currentApp } from './framework.js';
import { observe } from './host-events.js';

const device = config.device;
let theme = device.theme;
observe('themeChange', (payload) => {
  const next = payload && (payload.theme === 'dark' || payload.theme === 'light') ? payload.theme : null;
  if (next === null) return;
  theme = next;
  const app = currentApp();
  if (app !== null && typeof app.onThemeChange === 'function') {
    try { app.onThemeChange({ theme }); } catch (error) { report(error, 'App.onThemeChange'); }
  }
});
export const currentTheme = () => theme;

const appWindow = () => (config.appJSON && config.appJSON.window) || {};
// The route whose window the numbers describe: the top page, or the entry page before one loads.
function currentRoute() {
  const pages = typeof globalThis.getCurrentPages === 'function' ? globalThis.getCurrentPages() : [];
  const top = pages.length > 0 ? pages[pages.length - 1] : null;
  return top && typeof top.route === 'string' ? top.route : config.entryPage;
}
function pageWindow(route) {
  let own = {};
  try { own = configOf(route) || {}; } catch (error) { own = {}; }
  const merged = Object.assign({}, appWindow(), own.window || {}, own);
  return merged;
}
// True when the page draws under the status bar itself (no navigation bar).
function customNavigation(route) {
  const window = pageWindow(route);
  if (window.navigationStyle === 'custom') return true;
  return typeof window.transparentTitle === 'string' && window.transparentTitle !== 'none';
}

// The window the current page has, and where its top edge is on the screen.
export function windowSize() {
  const route = currentRoute();
  const bars = customNavigation(route) ? 0 : device.statusBarHeight + device.navigationBarHeight;
  const tabBar = tabPages.has(route) ? device.tabBarHeight : 0;
  return { windowWidth: device.screenWidth, windowHeight: device.screenHeight - bars - tabBar, screenTop: bars };
}
const safeArea = () => Object.assign({}, device.safeArea);

// WeChat `getWindowInfo`.
export function windowInfo() {
  const size = windowSize();
  return { pixelRatio: device.pixelRatio, screenWidth: device.screenWidth, screenHeight: device.screenHeight,
    windowWidth: size.windowWidth, windowHeight: size.windowHeight, statusBarHeight: device.statusBarHeight, safeArea: safeArea(),
    screenTop: size.screenTop };
}
// WeChat `getDeviceInfo`.
export function deviceInfo() {
  return { abi: device.platform === 'android' ? 'arm64-v8a' : 'arm64', deviceAbi: 'arm64', benchmarkLevel: device.benchmarkLevel,
    brand: device.brand, model: device.model, system: device.system, platform: device.platform, memorySize: 4096, cpuType: 'unknown' };
}
// WeChat `getAppBaseInfo`.
export function appBaseInfo(sdkVersion) {
  return { SDKVersion: sdkVersion, enableDebug: false, host: { env: 'HybridContainer' }, language: device.language,
    version: device.version, theme, fontSizeSetting: device.fontSizeSetting };
}
// `getSystemSetting`.
export function systemSetting() {
  return { bluetoothEnabled: device.bluetoothEnabled, locationEnabled: device.locationEnabled, wifiEnabled: device.wifiEnabled,
    deviceOrientation: device.deviceOrientation };
}
// `getAppAuthorizeSetting`: what the host granted (`MiniProgramOptions.grantedScopes`).
const authorizeFields = { albumAuthorized: 'scope.writePhotosAlbum', bluetoothAuthorized: 'scope.bluetooth',
  cameraAuthorized: 'scope.camera', locationAuthorized: 'scope.userLocation', microphoneAuthorized: 'scope.record',
  notificationAuthorized: null, notificationAlertAuthorized: null, notificationBadgeAuthorized: null,
  notificationSoundAuthorized: null, phoneCalendarAuthorized: 'scope.addPhoneCalendar' };
export function appAuthorizeSetting() {
  const granted = new Set(config.grantedScopes);
  const out = {};
  for (const [field, scope] of Object.entries(authorizeFields)) out[field] = scope !== null && granted.has(scope) ? 'authorized' : 'denied';
  out.locationReducedAccuracy = false;
  return out;
}
// `getMenuButtonBoundingClientRect`.
export const menuButtonRect = () => Object.assign({}, device.menuButton);
// `getBatteryInfo(Sync)`.
export const batteryInfo = () => ({ level: device.batteryLevel, isCharging: device.isCharging });

// WeChat `getSystemInfo(Sync)`: every field of the split APIs together.
export function wechatSystemInfo(sdkVersion, hostName) {
  const authorized = appAuthorizeSetting();
  const yes = (field) => authorized[field] === 'authorized';
  return Object.assign({ brand: device.brand, model: device.model }, windowInfo(), {
    language: device.language, version: device.version, system: device.system, platform: device.platform,
    fontSizeSetting: device.fontSizeSetting, SDKVersion: sdkVersion, benchmarkLevel: device.benchmarkLevel,
    albumAuthorized: yes('albumAuthorized'), cameraAuthorized: yes('cameraAuthorized'), locationAuthorized: yes('locationAuthorized'),
    microphoneAuthorized: yes('microphoneAuthorized'), notificationAuthorized: false, notificationAlertAuthorized: false,
    notificationBadgeAuthorized: false, notificationSoundAuthorized: false, phoneCalendarAuthorized: yes('phoneCalendarAuthorized'),
    bluetoothEnabled: device.bluetoothEnabled, locationEnabled: device.locationEnabled, wifiEnabled: device.wifiEnabled,
    locationReducedAccuracy: false, theme, host: { env: 'HybridContainer' }, enableDebug: false,
    deviceOrientation: device.deviceOrientation, hostName,
  });
}
// Alipay `my.getSystemInfo(Sync)`, with Alipay's names (`titleBarHeight`, `currentBattery`, `app`).
export function alipaySystemInfo(sdkVersion, hostName) {
  const size = windowSize();
  return { brand: device.brand, model: device.model, pixelRatio: device.pixelRatio, windowWidth: size.windowWidth,
    windowHeight: size.windowHeight, screenWidth: device.screenWidth, screenHeight: device.screenHeight, language: device.language,
    version: device.version, system: device.system, platform: device.platform === 'ios' ? 'iOS' : device.platform === 'android' ? 'Android' : device.platform,
    statusBarHeight: device.statusBarHeight, titleBarHeight: device.navigationBarHeight, fontSizeSetting: device.fontSizeSetting,
    currentBattery: device.batteryLevel + '%', storage: '128 GB', app: 'alipay', SDKVersion: sdkVersion,
    safeArea: safeArea(), theme, isIphoneXSeries: device.platform === 'ios' && device.safeArea.top > 20,
    transparentTitle: customNavigation(currentRoute()), hostName };
}
