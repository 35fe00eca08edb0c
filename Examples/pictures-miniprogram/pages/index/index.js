Page({
  data: {
    products: [
      { name: '苹果 Apple', price: '6.80', tone: '#ff6b6b', tag: '爆款' },
      { name: '香蕉 Banana', price: '3.20', tone: '#ffd93d', tag: '新到' },
      { name: '葡萄 Grape', price: '12.50', tone: '#8e7dff', tag: '限量' },
      { name: '橙子 Orange', price: '5.60', tone: '#ffa94d', tag: '特价' },
    ],
    inStock: true,
    progress: 64,
    cart: 0,
  },
  onReady() {
    // Drawn with the 2D canvas API, sized from the real layout (SelectorQuery answers from the engine
    // when pictures are taken; headless without one it is 0 and nothing is drawn).
    wx.createSelectorQuery().select('#chart').fields({ node: true, size: true }).exec((answers) => {
      const answer = answers[0];
      if (!answer || !answer.node || !answer.width) return;
      const canvas = answer.node;
      const ratio = wx.getWindowInfo().pixelRatio;
      canvas.width = answer.width * ratio;
      canvas.height = answer.height * ratio;
      const context = canvas.getContext('2d');
      context.scale(ratio, ratio);
      const sales = [12, 18, 9, 22, 27, 16, 30];
      const step = answer.width / sales.length;
      sales.forEach((value, index) => {
        const height = (value / 30) * (answer.height - 20);
        context.fillStyle = index === sales.length - 1 ? '#07c160' : '#b7ebc9';
        context.fillRect(index * step + 8, answer.height - height - 6, step - 16, height);
      });
    });
  },
  checkout() { this.setData({ cart: this.data.cart + 1 }); },
});
