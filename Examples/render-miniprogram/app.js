App({
  globalData: { taps: 0 },
});
