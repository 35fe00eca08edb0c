// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// `wx.createAnimation(options)` / `my.createAnimation`: the chainable Animation object. Each
// method records a step's property (`translateX(10)`), `step(options)` closes a step, and
// `export()` hands the steps over for `animation="{{…}}"` in the platforms' shape
// (`{actions: [{animates: [{type, args}], option: {transition, transformOrigin}}]}`) and starts
// afresh.
const methods = ['backgroundColor', 'bottom', 'height', 'left', 'matrix', 'matrix3d', 'opacity', 'right', 'rotate', 'rotate3d',
  'rotateX', 'rotateY', 'rotateZ', 'scale', 'scale3d', 'scaleX', 'scaleY', 'scaleZ', 'skew', 'skewX', 'skewY', 'top',
  'translate', 'translate3d', 'translateX', 'translateY', 'translateZ', 'width'];

const optionOf = (defaults, options) => {
  const o = Object.assign({}, defaults, options && typeof options === 'object' ? options : {});
  return { transition: { duration: Number(o.duration) || 0, timingFunction: String(o.timingFunction || 'linear'), delay: Number(o.delay) || 0 },
    transformOrigin: String(o.transformOrigin || '50% 50% 0') };
};

export function createAnimation(options) {
  const defaults = Object.assign({ duration: 400, timingFunction: 'linear', delay: 0, transformOrigin: '50% 50% 0' },
    options && typeof options === 'object' ? options : {});
  let current = [];
  let actions = [];
  const animation = {
    step(stepOptions) {
      if (current.length > 0) actions.push({ animates: current, option: optionOf(defaults, stepOptions) });
      current = [];
      return animation;
    },
    export() {
      if (current.length > 0) animation.step();
      const out = { actions };
      actions = [];
      return out;
    },
  };
  for (const name of methods) {
    animation[name] = (...args) => {
      current.push({ type: name, args: args.filter((arg) => typeof arg !== 'function') });
      return animation;
    };
  }
  return animation;
}
