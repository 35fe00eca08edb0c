// A WeChat mini-program built the way real ones are: a component library in miniprogram_npm/
// (registered through its own helper), a component compiled from TypeScript with a decorator,
// WXS, a compiled framework's generic templates, the cloud, factories and animations.
App({
  onLaunch() {
    // Apps call this first thing; without a host cloud it is harmless.
    wx.cloud.init({ env: 'demo-env' });
  },
  onThemeChange(event) { console.log('theme is now ' + event.theme); },
});
