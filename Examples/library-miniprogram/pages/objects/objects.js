Page({
  data: { sum: 'not asked' },
  onLoad() {
    wx.cloud.callFunction({ name: 'sum', data: { numbers: [1, 2, 3] } })
      .then((r) => this.setData({ sum: String(r.result.sum) }), (e) => this.setData({ sum: e.errMsg }));
    const audio = wx.getBackgroundAudioManager();
    audio.onCanplay(() => console.log('can play'));
    const ad = wx.createInterstitialAd({ adUnitId: 'demo' });
    ad.onError(() => {});
    ad.show().catch((e) => console.log('ad: ' + e.errMsg));
    this.animation = wx.createAnimation({ duration: 300 }).translateX(40).opacity(0.8).step().export();
  },
  onReady() {
    this.animate('#box', [{ opacity: 0 }, { opacity: 1, scale: [1.2, 1.2] }], 400, () => console.log('box animated'));
    this.createSelectorQuery().select('#chart').fields({ node: true, size: true }).exec(([res]) => {
      const canvas = res.node;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#07c160';
      ctx.fillRect(0, 0, canvas.width / 2, canvas.height);
      console.log(`canvas ${canvas.width}x${canvas.height}: ${canvas.drawing().length} drawing steps recorded`);
    });
  },
});
