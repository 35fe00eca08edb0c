// request: native HTTP, allowed only to the hosts in the manifest's allowedDomains.
App({
  async onLaunch(options) {
    const api = options.query.api;
    if (!api) {
      console.warn('no weather API given (launch with --query api=http://127.0.0.1:PORT/api)');
      return;
    }
    const { status, data } = await JSBridge.call('request', { url: `${api}/weather.json` });
    console.log(`HTTP ${status}: ${data.city} is ${data.temperature}°C and ${data.sky}`);
    try {
      await JSBridge.call('request', { url: 'https://example.com/' });
    } catch (error) {
      console.log(`example.com refused as expected (error ${error.error}: ${error.errorMessage})`);
    }
  },
});
