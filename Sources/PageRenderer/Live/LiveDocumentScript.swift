// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The script a live document carries (`window.__hcLive`): it finds a node by its path in the
/// page's rendered tree (the address tree patches use), applies patches in place and measures
/// nodes. A node's children in the document are its element and text children, in a custom
/// component's shadow root for its host, without the `<style>`s of shadow roots and the
/// decorations the document adds (`data-hc-extra`); text is never empty, as in the tree.
enum LiveDocumentScript {
    static let source = #"""
        (() => {
          const kids = (node) => {
            const out = [];
            for (const child of (node.shadowRoot || node).childNodes) {
              if (child.nodeType === 3) { if (child.data.trim() !== '') out.push(child); continue; }
              if (child.nodeType !== 1 || child.localName === 'style' || child.localName === 'template') continue;
              if (child.hasAttribute('data-hc-extra')) continue;
              out.push(child);
            }
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
                node.replaceWith(parse(op.html));
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
          Object.defineProperty(window, '__hcLive', { value: Object.freeze({ apply, measure, nodeAt }) });
        })();
        """#
}
