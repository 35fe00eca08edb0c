Page({
  data: { count: 0, fruits: [{ name: 'apple' }, { name: 'pear' }], picked: '', status: 'loading' },
  onLoad() {
    this.setData({ status: 'loaded' });
  },
  onReady() {
    const card = this.selectComponent('#card');
    this.createSelectorQuery().select('#fruits').boundingClientRect().selectAll('.fruit').fields({ id: true, dataset: true }).exec((answers) => {
      const fruits = answers[1] ? answers[1].length : -1;
      this.setData({ status: 'ready: card ' + (card ? card.data.title : 'missing') + ', ' + fruits + ' fruits' });
    });
  },
  increment(event) {
    getApp().globalData.taps += 1;
    this.setData({ count: this.data.count + Number(event.currentTarget.dataset.step) });
  },
  reset() {
    this.setData({ count: 0 });
    this.selectComponent('#card').clear();
  },
  pick(event) {
    this.setData({ picked: this.data.fruits[event.currentTarget.dataset.index].name });
  },
  onLimit(event) {
    this.setData({ status: 'limit reached at ' + event.detail.presses, fruits: this.data.fruits.concat([{ name: 'plum' }]) });
  },
});
