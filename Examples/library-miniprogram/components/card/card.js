// What tsc emits for `@wxComponent() class Card { … }`: the decorator runs in a helper module.
var __decorate = (this && this.__decorate) || function (decorators, target) {
  for (var i = decorators.length - 1; i >= 0; i--) target = decorators[i](target) || target;
  return target;
};
const { wxComponent } = require('./decorators');
let Card = class Card {
  constructor() {
    this.properties = { title: String };
    this.data = { opened: false };
  }
  toggle() { this.setData({ opened: !this.data.opened }); }
};
Card = __decorate([wxComponent()], Card);
