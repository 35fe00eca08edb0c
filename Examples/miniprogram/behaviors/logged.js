// A Behavior shared by Component-built pages: its data, methods and lifetimes mix in.
module.exports = Behavior({
  data: { log: [] },
  lifetimes: {
    attached() { this.remember('attached'); },
  },
  methods: {
    remember(what) { this.setData({ log: this.data.log.concat(what) }); },
  },
});
