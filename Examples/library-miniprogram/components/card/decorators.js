// A class-style component library's decorator, compiled: @wxComponent() calls Component()
// with the class's fields and methods.
exports.wxComponent = function wxComponent() {
  return function (target) {
    const instance = new target();
    const methods = {};
    for (const name of Object.getOwnPropertyNames(target.prototype)) {
      if (name !== 'constructor') methods[name] = target.prototype[name];
    }
    Component({ properties: instance.properties, data: instance.data, methods });
    return target;
  };
};
