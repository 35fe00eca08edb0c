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
      // Count and stop before awaiting: on a busy machine the next tick can fire while this
      // one still waits for storage, and a check after the await would never see 3.
      const tick = ++ticks;
      if (tick === 3) clearInterval(interval);
      await JSBridge.call('setStorage', { key: `tick-${tick}`, data: tick });
      const { data } = JSBridge.callSync('getStorageSync', { key: `tick-${tick}` });
      console.log(`tick ${data}`);
      if (tick === 3) console.log('order of the first turn:', order.join(' → '));
    }, 20);
  },
  onShow() {
    throw new Error('onShow failed on purpose');
  },
  onError(error) {
    console.warn(`onError caught "${error.message}" from ${error.origin}; still running`);
  },
});
