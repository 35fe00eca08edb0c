// Timers, promise jobs and async native calls interleaving on the app's run loop, and a
// hook that throws: the error goes to onError and the app keeps running.
const order = [];
setTimeout(() => order.push('timeout'), 0);
Promise.resolve().then(() => order.push('promise job'));
order.push('script');

App({
  onLaunch() {
    let ticks = 0;
    const interval = setInterval(async () => {
      ticks += 1;
      await JSBridge.call('setStorage', { key: 'ticks', data: ticks });
      const { data } = JSBridge.callSync('getStorageSync', { key: 'ticks' });
      console.log(`tick ${data}`);
      if (ticks === 3) {
        clearInterval(interval);
        console.log('order of the first turn:', order.join(' → '));
      }
    }, 20);
  },
  onShow() {
    throw new Error('onShow failed on purpose');
  },
  onError(error) {
    console.warn(`onError caught "${error.message}" from ${error.origin}; still running`);
  },
});
