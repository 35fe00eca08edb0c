// A page built with Component(): properties filled from the query, a Behavior, lifetimes,
// pageLifetimes and an observer.
const logged = require('../../behaviors/logged');

Component({
  behaviors: [logged],
  properties: { id: Number },
  data: { note: null, length: 0 },
  observers: {
    'note.title'(title) { this.setData({ length: title ? title.length : 0 }); },
  },
  pageLifetimes: {
    show() { this.remember('shown'); },
  },
  methods: {
    onLoad() {
      const notes = wx.getStorageSync('notes') || [];
      const note = notes.find((item) => item.id === this.data.id) || { id: this.data.id, title: 'missing' };
      this.setData({ note });
      console.log('detail ' + this.data.id + ': ' + note.title + ' (' + getCurrentPages().length + ' pages open)');
    },
    rename(event) { this.setData({ 'note.title': event.detail.value }); },
    back() { return wx.navigateBack(); },
  },
});
