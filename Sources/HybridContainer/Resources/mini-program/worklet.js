// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// `wx.worklet` (Skyline's animation worklets) for a host with no UI thread: shared values are
// plain `{value}` boxes, derived values recompute on read, animations (`timing`, `spring`,
// `decay`, `sequence`, `repeat`, `delay`) end at once in their target, `runOnUI`/`runOnJS` call
// through. `this.applyAnimatedStyle(selector, updater)` writes what the updater returns into the
// nodes' style, as `this.animate` does (node-animation.js).
export function makeWorklet() {
  const finish = (target, options, callback) => {
    const done = typeof options === 'function' ? options : callback;
    if (typeof done === 'function') Promise.resolve().then(() => done(true));
    return target;
  };
  const easing = (t) => t;
  const Easing = {};
  for (const name of ['linear', 'ease', 'quad', 'cubic', 'sin', 'circle', 'exp', 'elastic', 'back', 'bounce', 'bezier',
    'poly', 'in', 'out', 'inOut']) {
    Easing[name] = () => easing;
  }
  return {
    shared(value) { return { value }; },
    derived(compute) { return { get value() { return compute(); } }; },
    timing: finish,
    spring: finish,
    decay(options, callback) { return finish(options && typeof options.velocity === 'number' ? 0 : 0, callback); },
    sequence(...steps) { return steps.length > 0 ? steps[steps.length - 1] : undefined; },
    repeat(step) { return step; },
    delay(ms, step) { return step; },
    cancelAnimation() {},
    runOnUI(fn) { return (...args) => fn(...args); },
    runOnJS(fn) { return fn; },
    Easing,
  };
}
