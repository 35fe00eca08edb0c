// An app with no package installed: the container loads it from its online copy
// (manifest.json, manifest.sig and files under its fallbackBaseURL), signature and hash checked.
App({
  onLaunch(options) {
    const info = JSBridge.callSync('getAppInfo');
    console.log(`running from its ${options.source} copy (offline: ${info.offline})`);
  },
});
