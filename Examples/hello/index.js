// A first micro-app: lifecycle hooks, a synchronous and an asynchronous native call,
// storage that survives relaunches, binary data across the bridge, and a failing call.
App({
  async onLaunch(options) {
    console.log(`launched ${options.appId} ${options.version} (${options.source}) with query`, options.query);
    const info = JSBridge.callSync('getSystemInfo');
    console.log(`running on ${info.platform}, ${info.processorCount} cores, host ${info.hostName} ${info.hostVersion}`);

    const { data: visits } = await JSBridge.call('getStorage', { key: 'visits' });
    const count = (visits ?? 0) + 1;
    await JSBridge.call('setStorage', { key: 'visits', data: count });
    console.log(`visit number ${count} (kept in SQLite between launches)`);

    const bytes = new TextEncoder().encode('héllo, 世界');
    console.log(`encoded ${bytes.length} bytes; decoded back: ${new TextDecoder().decode(bytes)}`);

    try {
      await JSBridge.call('request', { url: 'https://example.com/' });
    } catch (error) {
      console.warn(`expected refusal: error ${error.error}: ${error.errorMessage}`);
    }
  },
  onShow() { console.log('onShow (started)'); },
  onHide() { console.log('onHide (stopped)'); },
  onDestroy() { console.log('onDestroy'); },
  onError(error) { console.error(`onError from ${error.origin}: ${error.message}`); },
});
