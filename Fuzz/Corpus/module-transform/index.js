// The home tab, a Page() using wx.* and an ES module.
import makeNote, { loadNotes, saveNotes } from '../../utils/store';
const { plural } = require('../../utils/format');

Page({
  data: { notes: [], summary: '', remote: null },

  onLoad(query) {
    const notes = loadNotes();
    this.setData({ notes, summary: plural(notes.length, 'note') });
    console.log('index onLoad with ' + plural(notes.length, 'stored note'));
  },
  onShow() { console.log('index onShow'); },
  onReady() { console.log('index onReady'); },
  onHide() { console.log('index onHide'); },

  // Handlers are bound to the page: `this` works even when passed around.
  addNote(event) {
    const notes = this.data.notes;
    const note = makeNote(event.detail.value, notes.length + 1);
    // A path key: only the new entry travels to the render layer.
    this.setData({ ['notes[' + notes.length + ']']: note, summary: plural(notes.length + 1, 'note') }, () => {
      saveNotes(this.data.notes);
      console.log('saved "' + note.title + '"; ' + this.data.summary);
    });
  },

  toggle(event) {
    const index = event.currentTarget.dataset.index;
    this.setData({ ['notes[' + index + '].done']: !this.data.notes[index].done }, () => saveNotes(this.data.notes));
  },

  openNote(event) {
    return wx.navigateTo({ url: '../detail/detail?id=' + event.currentTarget.dataset.id });
  },

  // Fetches a note from the server given at launch (wx.request, promise style).
  async refresh() {
    const api = getApp().globalData.api;
    if (!api) { console.log('no api given at launch; skipping refresh'); return; }
    const response = await wx.request({ url: api + '/note.json' });
    this.setData({ remote: response.data });
    console.log('HTTP ' + response.statusCode + ': ' + response.data.title);
  },

  summary() {
    return wx.reLaunch({ url: '/packages/stats/pages/summary/summary' });
  },
});
