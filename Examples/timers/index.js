// Timers, promise jobs and async native calls interleaving on the app's run loop.
const order = [];
setTimeout(() => order.push('timeout'), 0);
Promise.resolve().then(() => order.push('promise job'));
order.push('script');

let ticks = 0;
const interval = setInterval(async () => {
  ticks += 1;
  const { waited } = await JSBridge.call('wait', { ms: 5 });
  console.log(`tick ${ticks} (native wait of ${waited} ms)`);
  if (ticks === 3) {
    clearInterval(interval);
    console.log('order of the first turn:', order.join(' → '));
  }
}, 20);
