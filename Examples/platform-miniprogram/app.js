// WeChat's `global`: one object every module of the app shares.
global.isDemo = true;
App({
  onLaunch() {
    // Listeners register; the host sends events with MiniProgramSession.emit.
    wx.onNetworkStatusChange((status) => console.log('network changed: ' + JSON.stringify(status)));
  },
});
