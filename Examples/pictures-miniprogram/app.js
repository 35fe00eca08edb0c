App({ globalData: { cart: 0 } });
