// Storage: a todo list kept per app in SQLite (other apps cannot see it).
const load = async () => (await JSBridge.call('getStorage', { key: 'todos' })).data ?? [];
const save = (todos) => JSBridge.call('setStorage', { key: 'todos', data: todos });

App({
  async onLaunch() {
    let todos = await load();
    console.log(`loaded ${todos.length} todo(s)`);
    todos.push({ text: `item added at launch ${todos.length + 1}`, done: false });
    if (todos.length > 1) todos[0].done = true;
    await save(todos);
    for (const todo of await load()) console.log(`${todo.done ? '[x]' : '[ ]'} ${todo.text}`);
    const info = await JSBridge.call('getStorageInfo');
    console.log(`storage: keys ${info.keys.join(', ')}, ${info.currentSize} of ${info.limitSize} bytes`);
  },
});
