Page({
  onLoad() {
    const query = wx.createSelectorQuery();
    query.select('#missing').boundingClientRect();
    query.exec((answers) => console.log('selector answers: ' + JSON.stringify(answers)));
  },
});
