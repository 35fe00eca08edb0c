Component({
  properties: {
    title: { type: String, value: 'untitled' },
    limit: { type: Number, value: 5, observer(next, previous) { this.setData({ lastLimit: previous }); } },
  },
  data: { presses: 0, lifetime: '', lastLimit: 0 },
  lifetimes: {
    attached() { this.setData({ lifetime: 'attached' }); },
    ready() { this.setData({ lifetime: this.data.lifetime + ', ready' }); },
  },
  methods: {
    press() {
      const presses = this.data.presses + 1;
      this.setData({ presses });
      if (presses >= this.data.limit) this.triggerEvent('limit', { presses });
    },
    clear() { this.setData({ presses: 0 }); },
  },
});
