// The second tab, written for Alipay (my.*): {data} from getStorageSync, callbacks style.
Page({
  data: { sdk: my.SDKVersion, visits: 0, platform: '' },

  onLoad() {
    const visits = (my.getStorageSync({ key: 'aboutVisits' }).data || 0) + 1;
    my.setStorageSync({ key: 'aboutVisits', data: visits });
    this.setData({ visits });
    my.getSystemInfo({
      success: (info) => this.setData({ platform: info.platform }),
      fail: (error) => console.error('getSystemInfo failed: ' + error.errorMessage),
    });
    // Not offered by this host: a clear failure, never a fake success.
    my.getLocation({ fail: (error) => console.log('getLocation: ' + error.errorMessage) });
  },

  // UI calls go to the host's UI delegate; the default one dismisses.
  ask() {
    my.confirm({ title: 'Clear all notes?', success: (result) => console.log('confirm answered ' + result.confirm) });
  },
});
