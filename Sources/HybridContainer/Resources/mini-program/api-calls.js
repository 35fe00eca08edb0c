// How often the app called each namespaced API (`wx.request` → 3), for `__hcMini.stats()`.
export const apiCalls = Object.create(null);
export const count = (namespace, name) => {
  const key = namespace + '.' + name;
  apiCalls[key] = (apiCalls[key] || 0) + 1;
};
