// A mini-program written to the public WeChat/Alipay docs, run headless: the container runs
// this logic layer and hands every page change (setData diffs) to the host's render sink.
const { plural } = require('./utils/format'); // CommonJS, without ".js"

App({
  globalData: { api: null },

  // options.query holds the launch parameters (e.g. `container-demo run … --query api=URL`).
  onLaunch(options) {
    this.globalData.api = options.query.api || null;
    console.log('App onLaunch at ' + options.path + ', ' + plural(Object.keys(options.query).length, 'launch parameter'));
  },
  onShow() { console.log('App onShow'); },
  onHide() { console.log('App onHide'); },
  onError(message) { console.error('App onError: ' + message.split('\n')[0]); },
});
