// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The script a live document carries (`window.__hcLive`): it finds a node by its path in the
/// page's rendered tree (the address tree patches use), applies patches in place, measures
/// nodes, replays what canvases drew on real canvases and hands out their pixels. A node's children in the document are its element and text children, in a custom
/// component's shadow root for its host, without the `<style>`s of shadow roots and the
/// decorations the document adds (`data-hc-extra`); text is never empty, as in the tree.
enum LiveDocumentScript {
    static let source = #"""
        (() => {
          const kids = (node) => {
            const out = [];
            const add = (children) => {
              for (const child of children) {
                if (child.nodeType === 3) { if (child.data.trim() !== '') out.push(child); continue; }
                if (child.nodeType !== 1 || child.localName === 'style' || child.localName === 'template') continue;
                if (child.hasAttribute('data-hc-extra')) continue;
                // A component's <slot> stands for the owner's elements put there (its host's light DOM).
                if (child.localName === 'slot') { add(child.assignedNodes()); continue; }
                out.push(child);
              }
            };
            add((node.shadowRoot || node).childNodes);
            return out;
          };
          const page = () => document.querySelector('wx-page');
          const nodeAt = (path) => {
            let node = page();
            for (const index of path) {
              if (!node) return null;
              node = kids(node)[index] || null;
            }
            return node;
          };
          const parse = (html) => {
            const holder = document.createElement('div');
            holder.setHTMLUnsafe(html);
            if (holder.childNodes.length !== 1) throw new Error('a patch must make one node, not ' + holder.childNodes.length);
            return holder.firstChild;
          };
          const missing = (op) => { throw new Error(op.op + ': no node at [' + op.path.join(',') + ']'); };
          const apply = (ops) => {
            for (const op of ops) {
              if (op.op === 'style') {
                const style = document.createElement('style');
                style.textContent = op.css;
                document.head.append(style);
              } else if (op.op === 'remove') {
                const node = nodeAt(op.path) || missing(op);
                node.remove();
              } else if (op.op === 'text') {
                const node = nodeAt(op.path);
                if (!node || node.nodeType !== 3) missing(op);
                node.data = op.text;
              } else if (op.op === 'replace') {
                const node = nodeAt(op.path) || missing(op);
                const fresh = parse(op.html);
                if (node.nodeType === 1 && fresh.nodeType === 1 && node.hasAttribute('slot')) fresh.setAttribute('slot', node.getAttribute('slot'));
                node.replaceWith(fresh);
              } else if (op.op === 'insert') {
                const parent = nodeAt(op.path.slice(0, -1)) || missing(op);
                const index = op.path[op.path.length - 1];
                const siblings = kids(parent);
                if (index > siblings.length) missing(op);
                const root = parent.shadowRoot || parent;
                const fresh = parse(op.html);
                if (index < siblings.length) root.insertBefore(fresh, siblings[index]); else root.append(fresh);
              } else {
                throw new Error('unknown patch ' + op.op);
              }
            }
            return ops.length;
          };
          const kebab = (name) => name.replace(/[A-Z]/g, (letter) => '-' + letter.toLowerCase());
          const measure = (targets, styles) => {
            const viewport = page();
            const frame = viewport.getBoundingClientRect();
            return targets.map((path) => {
              const node = path === null ? viewport : nodeAt(path);
              if (!node) return null;
              let rect;
              if (path === null) rect = { left: frame.left, top: frame.top, width: frame.width, height: frame.height };
              else if (node.nodeType === 3) { const range = document.createRange(); range.selectNodeContents(node); rect = range.getBoundingClientRect(); }
              else if (node.getClientRects().length === 0) rect = { left: frame.left, top: frame.top, width: 0, height: 0 };
              else rect = node.getBoundingClientRect();
              const element = node.nodeType === 1 ? node : node.parentElement;
              const box = { left: rect.left - frame.left, top: rect.top - frame.top, width: rect.width, height: rect.height,
                scrollLeft: element ? element.scrollLeft : 0, scrollTop: element ? element.scrollTop : 0,
                scrollWidth: element ? element.scrollWidth : 0, scrollHeight: element ? element.scrollHeight : 0, computedStyle: {} };
              if (element && styles.length > 0) {
                const computed = getComputedStyle(element);
                for (const name of styles) box.computedStyle[name] = computed.getPropertyValue(kebab(name)) || String(computed[name] || '');
              }
              return box;
            });
          };
          // Canvases: what the app drew, replayed on a real canvas inside the canvas node.
          const drawMethods = new Set(['fillRect', 'strokeRect', 'clearRect', 'beginPath', 'closePath', 'moveTo', 'lineTo', 'arc',
            'arcTo', 'bezierCurveTo', 'quadraticCurveTo', 'rect', 'roundRect', 'ellipse', 'fill', 'stroke', 'clip', 'fillText',
            'strokeText', 'save', 'restore', 'translate', 'rotate', 'scale', 'transform', 'setTransform', 'resetTransform',
            'setLineDash', 'drawImage']);
          const settable = new Set(['fillStyle', 'strokeStyle', 'lineWidth', 'lineCap', 'lineJoin', 'miterLimit', 'font',
            'textAlign', 'textBaseline', 'globalAlpha', 'globalCompositeOperation', 'shadowBlur', 'shadowColor', 'shadowOffsetX',
            'shadowOffsetY', 'lineDashOffset', 'direction', 'imageSmoothingEnabled', 'filter', 'letterSpacing']);
          const pathMethods = new Set(['moveTo', 'lineTo', 'arc', 'arcTo', 'bezierCurveTo', 'quadraticCurveTo', 'rect', 'roundRect',
            'ellipse', 'closePath']);
          const canvasOf = (node) => {
            let canvas = node.querySelector(':scope > canvas[data-hc-extra]');
            if (!canvas) {
              canvas = document.createElement('canvas');
              canvas.setAttribute('data-hc-extra', '');
              canvas.style.cssText = 'display: block; width: 100%; height: 100%';
              node.prepend(canvas);
            }
            return canvas;
          };
          const value = (context, v, images) => {
            if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
            if (typeof v.gradient === 'string') {
              const a = (v.args || []).map(Number);
              const made = v.gradient === 'radial' ? context.createRadialGradient(...a)
                : v.gradient === 'conic' ? context.createConicGradient(...a) : context.createLinearGradient(...a);
              for (const [offset, color] of v.stops || []) { try { made.addColorStop(offset, color); } catch (error) {} }
              return made;
            }
            if (Array.isArray(v.path2D)) {
              const path = new Path2D();
              for (const [method, ...a] of v.path2D) if (pathMethods.has(method)) path[method](...a);
              return path;
            }
            if ('image' in v) return images.get(v.image) || null;
            return v;
          };
          const replay = (context, commands, images) => {
            for (const command of commands) {
              if (!Array.isArray(command) || typeof command[0] !== 'string') continue;
              try {
                if (command[0] === 'set') {
                  if (settable.has(command[1])) context[command[1]] = value(context, command[2], images);
                  continue;
                }
                if (!drawMethods.has(command[0])) continue;
                const a = command.slice(1).map((each) => value(context, each, images));
                if (command[0] === 'drawImage' && !(a[0] instanceof HTMLImageElement)) {
                  const [x, y, w, h] = a.length >= 9 ? a.slice(5, 9) : a.length >= 5 ? a.slice(1, 5) : [a[1], a[2], 20, 20];
                  context.save();
                  context.fillStyle = '#cccccc';
                  context.fillRect(x, y, w, h);
                  context.restore();
                  continue;
                }
                context[command[0]](...a);
              } catch (error) {
                // A call the engine refuses is skipped, as the app's own canvas would throw and draw on.
              }
            }
          };
          const loadImage = (url) => new Promise((resolve) => {
            const image = new Image();
            image.onload = () => resolve(image);
            image.onerror = () => resolve(null);
            image.src = url;
          });
          const paint = async (list) => {
            const urls = new Set();
            for (const item of list) for (const command of item.commands) for (const each of command) {
              if (each && typeof each === 'object' && typeof each.image === 'string') urls.add(each.image);
            }
            const images = new Map();
            await Promise.all([...urls].map(async (url) => images.set(url, await loadImage(url))));
            let painted = 0;
            for (const item of list) {
              const node = nodeAt(item.path);
              if (!node || node.nodeType !== 1) continue;
              const canvas = canvasOf(node);
              const ratio = window.devicePixelRatio || 1;
              const box = node.getBoundingClientRect();
              const side = (n) => Math.max(1, Math.min(8192, Math.round(Number(n) || 0)));
              canvas.width = item.legacy ? side(box.width * ratio) : side(item.width);
              canvas.height = item.legacy ? side(box.height * ratio) : side(item.height);
              const context = canvas.getContext('2d');
              if (item.legacy) context.scale(ratio, ratio);
              replay(context, item.commands, images);
              painted += 1;
            }
            return painted;
          };
          const canvasImage = (path, o) => {
            const node = nodeAt(path);
            if (!node || node.nodeType !== 1) throw new Error('no canvas at [' + path.join(',') + ']');
            const canvas = canvasOf(node);
            const box = node.getBoundingClientRect();
            const ratio = window.devicePixelRatio || 1;
            const sx = canvas.width / (box.width || canvas.width), sy = canvas.height / (box.height || canvas.height);
            const x = o.x ?? 0, y = o.y ?? 0;
            const width = o.width ?? Math.max(1, box.width - x), height = o.height ?? Math.max(1, box.height - y);
            const out = document.createElement('canvas');
            out.width = Math.max(1, Math.round(o.destWidth ?? width * ratio));
            out.height = Math.max(1, Math.round(o.destHeight ?? height * ratio));
            const context = out.getContext('2d');
            if (o.fileType === 'jpg') { context.fillStyle = '#ffffff'; context.fillRect(0, 0, out.width, out.height); }
            context.drawImage(canvas, x * sx, y * sy, width * sx, height * sy, 0, 0, out.width, out.height);
            return out.toDataURL(o.fileType === 'jpg' ? 'image/jpeg' : 'image/png', o.quality ?? 0.92);
          };
          Object.defineProperty(window, '__hcLive', { value: Object.freeze({ apply, measure, nodeAt, paint, canvasImage }) });
        })();
        """#
}
