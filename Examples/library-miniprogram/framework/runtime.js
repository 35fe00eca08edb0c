// The shape cross-platform frameworks compile to: the page's tree lives in `data.root`, each
// node `{nn: name, cl: class, v: text, cn: children}`, patched with path keys like
// `root.cn.[0].cn.[1]`; one generic template per node name draws it, recursively.
function createPage(render) {
  return {
    data: { root: { cn: [] } },
    onLoad() { render((path, node) => this.setData({ [path]: node })); },
    eh(event) { // the framework's one event handler
      const id = event.currentTarget.dataset.sid;
      this.setData({ ['root.cn.[1].cn.[0].v']: 'tapped ' + id });
    },
  };
}
module.exports = { createPage };
