Page({
  data: {
    items: [{ id: 'a', name: 'Tea', price: 3, chosen: false }, { id: 'b', name: 'Cake', price: 5, chosen: false }],
    total: 0,
    quantity: 1,
  },
  choose(event) {
    const index = this.data.items.findIndex((item) => item.id === event.target.dataset.id);
    const chosen = !this.data.items[index].chosen;
    this.setData({ [`items[${index}].chosen`]: chosen });
    this.setData({ total: this.data.items.filter((item) => item.chosen).reduce((sum, item) => sum + item.price, 0) * this.data.quantity });
  },
  onQuantity(value) {
    const unit = this.data.items.filter((item) => item.chosen).reduce((sum, item) => sum + item.price, 0);
    this.setData({ quantity: value, total: unit * value });
  },
});
