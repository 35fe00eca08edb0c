// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// The host's authorization policy (`MiniProgramOptions.grantedScopes`, `run --grant scope.x`):
// `authorize` succeeds for a granted scope and fails with "auth deny" for the rest, as a user
// who says no; `getSetting` / `openSetting` report the granted scopes (a headless user changes
// nothing in the settings page). WeChat names scopes `scope.userLocation`; Alipay's settings
// use `location` — either spelling grants both.
import { config } from 'hc:host';
import { APIFailure } from './api-failure.js';

const alipayNames = { 'scope.userLocation': 'location', 'scope.camera': 'camera', 'scope.writePhotosAlbum': 'album',
  'scope.userInfo': 'userInfo', 'scope.record': 'audioRecord', 'scope.bluetooth': 'bluetooth',
  'scope.addPhoneContact': 'addPhoneContact', 'scope.addPhoneCalendar': 'addPhoneCalendar' };
const wechatNames = Object.fromEntries(Object.entries(alipayNames).map(([wechat, alipay]) => [alipay, wechat]));

const granted = new Set();
for (const scope of config.grantedScopes) {
  granted.add(scope);
  if (alipayNames[scope]) granted.add(alipayNames[scope]);
  if (wechatNames[scope]) granted.add(wechatNames[scope]);
}
export const isGranted = (scope) => granted.has(scope);

// `wx.authorize({scope})`.
export function authorize(options) {
  if (typeof options.scope !== 'string' || options.scope === '') throw new APIFailure(2, 'invalid scope');
  if (!granted.has(options.scope)) throw new APIFailure(103, 'auth deny');
  return {};
}

// `getSetting` / `openSetting`: `{authSetting}` with the granted scopes of the platform's names.
export function authSetting(wechat, options) {
  const names = [...granted].filter((scope) => wechat ? scope.startsWith('scope.') : !scope.startsWith('scope.'));
  const out = { authSetting: Object.fromEntries(names.sort().map((scope) => [scope, true])) };
  if (wechat && options && options.withSubscriptions) out.subscriptionsSetting = { mainSwitch: true, itemSettings: {} };
  return out;
}
