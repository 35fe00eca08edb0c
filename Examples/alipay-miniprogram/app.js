App({
  onLaunch() { my.setStorageSync({ key: 'launched', data: true }); },
});
