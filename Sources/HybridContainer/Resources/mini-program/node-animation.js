// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// `this.animate` / `this.clearAnimation` on rendered nodes (render-tree.js vnodes): a headless
// host shows no frames, so an animation ends at once in its last keyframe, written into the
// node's `style` (what a query, a tree print or a picture sees) and kept across renders of that
// node, as the platforms keep an animation's end state; clearing removes what it wrote.
import { forgetPlain } from './tree-output.js';

const transformNames = new Set(['translate', 'translateX', 'translateY', 'translateZ', 'translate3d', 'rotate', 'rotateX',
  'rotateY', 'rotateZ', 'rotate3d', 'scale', 'scaleX', 'scaleY', 'scaleZ', 'scale3d', 'skew', 'skewX', 'skewY', 'matrix', 'matrix3d']);
const unitless = new Set(['opacity', 'zIndex', 'flex', 'flexGrow', 'flexShrink', 'fontWeight', 'lineHeight', 'order']);
const keyframeOnly = new Set(['offset', 'ease', 'composite']);
const dash = (name) => name.replace(/[A-Z]/g, (letter) => '-' + letter.toLowerCase());

function transformValue(name, value) {
  const unit = /^(rotate|skew)/.test(name) && name !== 'rotate3d' ? 'deg' : /^translate/.test(name) ? 'px' : '';
  const parts = (Array.isArray(value) ? value : [value]).map((part) => typeof part === 'number' ? part + unit : String(part));
  return name + '(' + parts.join(', ') + ')';
}
// The CSS declarations one keyframe stands for (`{opacity: 0.5, translateX: 10}` →
// `opacity: 0.5`, `transform: translateX(10px)`).
function declarations(frame) {
  const out = new Map();
  const transforms = [];
  for (const [name, value] of Object.entries(frame || {})) {
    if (keyframeOnly.has(name) || value === undefined || value === null) continue;
    if (transformNames.has(name)) transforms.push(transformValue(name, value));
    else out.set(dash(name), typeof value === 'number' && !unitless.has(name) ? value + 'px' : String(value));
  }
  if (transforms.length > 0) out.set('transform', transforms.join(' '));
  return out;
}
function parseStyle(text) {
  const out = new Map();
  for (const part of String(text || '').split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0) out.set(part.slice(0, colon).trim(), part.slice(colon + 1).trim());
  }
  return out;
}
const styleText = (map) => [...map].map(([name, value]) => name + ': ' + value).join('; ');

// The animated declarations of a node, kept by its owner view and place in the template so a
// render again keeps them (render-tree.js applies them over the template's style).
function kept(node, create) {
  const owner = node.owner;
  if (!owner || typeof owner !== 'object' || !node.renderKey) return null;
  if (!owner.animatedStyles) { if (!create) return null; owner.animatedStyles = new Map(); }
  if (!owner.animatedStyles.has(node.renderKey) && create) owner.animatedStyles.set(node.renderKey, new Map());
  return owner.animatedStyles.get(node.renderKey) || null;
}
// `style` with a node's animated declarations over it (for a render).
export function withAnimatedStyle(node, style) {
  const animated = kept(node, false);
  if (animated === null || animated.size === 0) return style;
  const merged = parseStyle(style);
  for (const [name, value] of animated) merged.set(name, value);
  return styleText(merged);
}

// Ends the animation of `keyframes` (an array, the last one counts) on each node.
export function animateNodes(nodes, keyframes) {
  const frames = Array.isArray(keyframes) ? keyframes : [];
  const last = declarations(frames.length > 0 ? frames[frames.length - 1] : {});
  for (const node of nodes) {
    const style = parseStyle(node.style);
    node.animated = node.animated || new Set();
    const store = kept(node, true);
    for (const [name, value] of last) {
      style.set(name, value);
      node.animated.add(name);
      if (store !== null) store.set(name, value);
    }
    node.style = styleText(style);
    forgetPlain(node);
  }
}

// Removes what animateNodes wrote: every property, or those `options` names with true.
export function clearAnimatedNodes(nodes, options) {
  const only = options === null ? null : new Set([...declarations(Object.fromEntries(
    Object.keys(options).filter((name) => options[name] === true).map((name) => [name, 0]))).keys()]);
  for (const node of nodes) {
    const store = kept(node, false);
    const names = new Set([...(node.animated || []), ...(store ? store.keys() : [])]);
    if (names.size === 0) continue;
    const style = parseStyle(node.style);
    for (const name of names) {
      if (only !== null && !only.has(name)) continue;
      style.delete(name);
      if (node.animated) node.animated.delete(name);
      if (store !== null) store.delete(name);
    }
    node.style = styleText(style);
    forgetPlain(node);
  }
}
