// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The platforms' default look for built-in components (sizes and colours as their simulators
/// draw them by default), before the app's own sheets. Media components the engine cannot
/// play (video, map, camera, live-player) are labelled placeholders.
enum ComponentStyles {
    static let css = """
        html, body { margin: 0; padding: 0; }
        body { font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Noto Sans", sans-serif; font-size: 16px;
          line-height: 1.4; color: #000; overflow: hidden; }
        [hidden] { display: none !important; }
        wx-page { display: block; position: absolute; left: 0; right: 0; overflow: hidden; }
        wx-view, wx-scroll-view, wx-swiper, wx-swiper-item, wx-form, wx-cover-view, wx-movable-area, wx-block,
        wx-rich-text, wx-picker-view, wx-page-container { display: block; }
        wx-scroll-view { overflow: hidden; }
        wx-swiper { position: relative; height: 150px; overflow: hidden; }
        wx-swiper-item { position: absolute; inset: 0; }
        wx-swiper-item ~ wx-swiper-item { display: none; }
        wx-text, wx-label, wx-navigator { display: inline; }
        wx-navigator { display: block; }
        wx-image { display: inline-block; width: 320px; height: 240px; overflow: hidden;
          background-repeat: no-repeat; background-size: 100% 100%; }
        wx-image > img { display: block; width: 100%; }
        wx-image.hc-placeholder { background: #e5e5e5; }
        wx-button { display: block; position: relative; box-sizing: border-box; margin: 0 auto; padding: 8px 24px;
          width: 184px; font-size: 17px; font-weight: 700; line-height: 1.41; text-align: center; border-radius: 8px;
          color: #000; background-color: #f2f2f2; }
        wx-button[type="primary"] { color: #fff; background-color: #07c160; }
        wx-button[type="warn"] { color: #fa5151; background-color: #f2f2f2; }
        wx-button[size="mini"] { display: inline-block; width: auto; padding: 0 12px; font-size: 13px; line-height: 2.3; }
        wx-button[disabled] { opacity: 0.6; }
        wx-input, wx-textarea { display: block; min-height: 1.4em; overflow: hidden; }
        wx-textarea { width: 300px; height: 150px; }
        wx-input .hc-placeholder, wx-textarea .hc-placeholder { color: #999; }
        wx-switch { display: inline-block; width: 52px; height: 32px; border-radius: 16px; background: #e5e5e5;
          position: relative; vertical-align: middle; }
        wx-switch::after { content: ""; position: absolute; top: 2px; left: 2px; width: 28px; height: 28px;
          border-radius: 14px; background: #fff; box-shadow: 0 1px 3px rgba(0,0,0,.4); }
        wx-switch[checked] { background: #07c160; }
        wx-switch[checked]::after { left: 22px; }
        wx-checkbox, wx-radio { display: inline-block; width: 22px; height: 22px; border: 1px solid #d1d1d1;
          box-sizing: border-box; vertical-align: middle; margin-right: 5px; background: #fff; }
        wx-checkbox { border-radius: 3px; }
        wx-radio { border-radius: 50%; }
        wx-checkbox[checked], wx-radio[checked] { background: #07c160; border-color: #07c160; }
        wx-slider { display: block; margin: 10px 18px; height: 2px; background: #e9e9e9; position: relative; }
        wx-progress { display: block; height: 6px; background: #ebebeb; }
        wx-progress > .hc-bar { display: block; height: 100%; background: #09bb07; }
        wx-icon { display: inline-block; width: 23px; height: 23px; border-radius: 50%; background: #07c160;
          vertical-align: middle; }
        wx-icon[type="warn"] { background: #f76260; }
        wx-icon[type="info"], wx-icon[type="waiting"] { background: #10aeff; }
        wx-picker { display: block; }
        wx-video, wx-map, wx-camera, wx-live-player, wx-live-pusher, wx-canvas, wx-web-view, wx-ad {
          display: block; position: relative; width: 300px; height: 225px; background: #d9d9d9; color: #555;
          font-size: 13px; overflow: hidden; }
        wx-canvas { width: 300px; height: 150px; background: transparent; }
        .hc-label { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; }
        .hc-navigation-bar { position: absolute; left: 0; right: 0; top: 0; box-sizing: border-box; display: flex;
          align-items: flex-end; justify-content: center; font-size: 17px; font-weight: 600; }
        .hc-navigation-bar > .hc-title { display: flex; align-items: center; justify-content: center; width: 60%;
          white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .hc-menu-button { position: absolute; box-sizing: border-box; display: flex; align-items: center; z-index: 10;
          border: 0.5px solid rgba(0,0,0,.12); }
        .hc-menu-dots { flex: 1; height: 6px; margin: 0 10px; background: radial-gradient(circle, currentColor 2px, transparent 2.5px)
          0 0 / 33% 100% repeat-x; }
        .hc-menu-divider { width: 0.5px; height: 60%; background: currentColor; opacity: .3; }
        .hc-menu-close { flex: none; width: 16px; height: 16px; margin: 0 13px; border: 2px solid currentColor; border-radius: 50%;
          box-sizing: border-box; }
        .hc-tab-bar { position: absolute; left: 0; right: 0; bottom: 0; display: flex; box-sizing: border-box;
          border-top: 1px solid rgba(0,0,0,.15); font-size: 12px; }
        .hc-tab-bar > .hc-tab { flex: 1; display: flex; align-items: center; justify-content: center; }
        """
}
