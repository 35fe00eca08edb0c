Page({
  data: { width: 60, count: 3, user: { name: 'Ada', role: 'admin' }, active: true },
  grow() { this.setData({ width: this.data.width + 10 }); },
});
