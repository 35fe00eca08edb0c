// Uses the greeter plugin: an async JSAPI, a sync one, an event it pushes, and the launch
// option its lifecycle listener adds.
JSBridge.on('greeted', ({ name }) => console.log(`event: greeted ${name}`));

App({
  async onLaunch(options) {
    console.log(`launch options carry: ${options.greeting}`);
    console.log(await JSBridge.call('greet', { name: 'Ada' }));
    console.log(await JSBridge.call('greet', { name: 'Grace' }));
    console.log(`greetings so far: ${JSBridge.callSync('greetCount')}`);
    try {
      await JSBridge.call('greet', { name: '' });
    } catch (error) {
      console.log(`empty name refused: error ${error.error}: ${error.errorMessage}`);
    }
  },
});
