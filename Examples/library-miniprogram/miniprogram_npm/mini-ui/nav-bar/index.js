const { MiniComponent } = require('../common/component');
// A custom navigation bar: sized from the status bar and the menu button, in `attached`.
MiniComponent({
  properties: { title: String },
  data: { height: 0, paddingTop: 0 },
  lifetimes: {
    attached() {
      const { statusBarHeight } = wx.getSystemInfoSync();
      const menu = wx.getMenuButtonBoundingClientRect();
      const height = (menu.top - statusBarHeight) * 2 + menu.height;
      this.setData({ height, paddingTop: statusBarHeight });
    },
  },
});
