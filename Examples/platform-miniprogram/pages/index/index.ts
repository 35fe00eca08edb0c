// A TypeScript page: types are erased to whitespace, so errors point at these lines.
import { demo } from '../../utils/order';

interface Note {
  title: string;
  tags: string[];
  done?: boolean;
}

Page({
  data: { keys: '', global: false, lazy: '', canStopWifi: true },
  async onLoad(): Promise<void> {
    const note: Note = { title: 'milk', tags: ['shop'], done: false };
    wx.setStorageSync('note', note);
    const back = wx.getStorageSync('note') as Note;
    // Key order survives the bridge and SQLite.
    const keys: string = Object.keys(back).join(',');
    // A module of the subpackage, loaded on demand.
    const lazy = await require.async('../../sub/lib/tool.js');
    // Documented but not offered here: fails in the platform's shape, counted apart from errors.
    const canStopWifi: boolean = wx.canIUse('stopWifi');
    wx.stopWifi({ fail: (error: { errMsg: string }) => console.log(error.errMsg) });
    this.setData({ keys, global: demo(), lazy: lazy.name as string, canStopWifi });
    console.log(`keys ${keys}; global ${demo()}; lazy ${lazy.name}; canIUse('stopWifi') ${canStopWifi}`);
  },
});
