const { canIUseAnimate } = require('../../miniprogram_npm/mini-ui/common/version');

Page({
  data: { pressed: 0, device: '' },
  onLoad() {
    // Every number comes from one virtual device (`container-demo run … --device pixel-7`).
    const info = wx.getSystemInfoSync();
    const window = wx.getWindowInfo();
    const menu = wx.getMenuButtonBoundingClientRect();
    this.setData({ device: `${info.model} ${info.screenWidth}x${info.screenHeight}@${info.pixelRatio}` });
    console.log(`device ${info.brand} ${info.model}, SDK ${info.SDKVersion}, window ${window.windowWidth}x${window.windowHeight} ` +
      `(custom navigation: the whole screen), menu button at ${menu.top},${menu.left} ${menu.width}x${menu.height}`);
    console.log(`battery ${wx.getBatteryInfoSync().level}%, theme ${wx.getAppBaseInfo().theme}, ` +
      `wifi ${wx.getSystemSetting().wifiEnabled}, location ${wx.getAppAuthorizeSetting().locationAuthorized}, animate ${canIUseAnimate()}`);
    wx.authorize({ scope: 'scope.userLocation' }).then(
      () => console.log('location granted'),
      (error) => console.log('location: ' + error.errMsg + ' (run with --grant scope.userLocation)'));
  },
  onPress(event) {
    this.setData({ pressed: this.data.pressed + 1 });
    console.log('pressed a ' + event.detail.type + ' button');
  },
});
