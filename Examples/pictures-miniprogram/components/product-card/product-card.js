Component({
  properties: { name: String, price: String, tone: String },
});
