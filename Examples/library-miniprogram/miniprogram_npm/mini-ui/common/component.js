// The library's own registration helper, as popular libraries have one: it fills in shared
// options and calls Component() for the file that required it.
const { windowWidth } = wx.getWindowInfo(); // read at module load, as libraries do
function MiniComponent(options) {
  options.options = Object.assign({ multipleSlots: true, addGlobalClass: true }, options.options);
  options.externalClasses = (options.externalClasses || []).concat(['custom-class']);
  options.data = Object.assign({ windowWidth }, options.data);
  Component(options);
}
module.exports = { MiniComponent };
