Page({
  data: { draft: '', items: [{ id: 1, text: 'write', done: false }] },
  onInput(event) { this.setData({ draft: event.detail.value }); },
  add() {
    if (this.data.draft === '') return;
    const id = this.data.items.length + 1;
    this.setData({ items: this.data.items.concat([{ id, text: this.data.draft, done: false }]), draft: '' });
  },
  toggle(event) {
    const index = this.data.items.findIndex((item) => item.id === event.currentTarget.dataset.id);
    this.setData({ ['items[' + index + '].done']: !this.data.items[index].done });
  },
});
