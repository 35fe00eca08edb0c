// A first micro-app: console output, a synchronous and an asynchronous native call,
// binary data across the bridge, and an event pushed by the host.
console.log('hello from JavaScript');

const info = JSBridge.callSync('getSystemInfo');
console.log(`running on ${info.platform} with ${info.processorCount} cores (${info.runtime})`);

JSBridge.on('launch', async (options) => {
  console.info('launched with query', options.query);
  const echoed = await JSBridge.call('echo', { greeting: 'ping', when: Date.now() });
  console.log('echo answered', echoed.greeting);

  const bytes = new TextEncoder().encode('héllo, 世界');
  const { bytes: length } = await JSBridge.call('sha256Length', { data: bytes });
  console.log(`sent ${length} bytes as binary (no base64)`);

  try {
    await JSBridge.call('noSuchApi');
  } catch (error) {
    console.warn(`expected failure: error ${error.error}: ${error.errorMessage}`);
  }

  JSBridge.call('echo', { style: 'callback' }, (result) => console.log('callback style got', result));
});
