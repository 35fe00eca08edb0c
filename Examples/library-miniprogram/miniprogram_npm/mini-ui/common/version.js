// Feature switches on the base-library version, the platform's documented practice.
function compare(a, b) {
  const x = a.split('.').map(Number), y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) { if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) > (y[i] || 0) ? 1 : -1; }
  return 0;
}
module.exports.canIUseAnimate = () => compare(wx.getSystemInfoSync().SDKVersion, '2.9.0') >= 0;
