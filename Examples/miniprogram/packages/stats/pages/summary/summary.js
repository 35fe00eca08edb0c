// A subpackage page, loaded on first visit; an ES module importing from the root.
import { loadNotes } from '/utils/store';

Page({
  data: { total: 0, done: 0 },
  onLoad() {
    const notes = loadNotes();
    this.setData({ total: notes.length, done: notes.filter((note) => note.done).length });
    console.log('summary: ' + this.data.done + ' of ' + this.data.total + ' done');
  },
});
