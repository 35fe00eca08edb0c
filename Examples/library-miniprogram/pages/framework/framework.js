const { createPage } = require('../../framework/runtime.js');
Page(createPage((set) => {
  set('root.cn.[0]', { nn: 'view', cl: 'header', sid: 'h', cn: [{ nn: '#text', v: 'compiled page', sid: 't0' }] });
  set('root.cn.[1]', { nn: 'view', cl: 'body', sid: 'b', cn: [{ nn: '#text', v: 'not tapped', sid: 't1' }] });
  set('root.cn.[1].cn.[1]', { nn: 'text', cl: 'deep', sid: 'd', cn: [{ nn: '#text', v: 'deep text', sid: 't2' }] });
  set('root.cn.[2]', { nn: 'custom-wrapper', sid: 'w', cn: [{ nn: 'view', cl: 'wrapped', sid: 'x', cn: [{ nn: '#text', v: 'in a wrapper', sid: 't3' }] }] });
}));
