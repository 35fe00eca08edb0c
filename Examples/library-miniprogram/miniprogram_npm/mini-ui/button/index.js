const { MiniComponent } = require('../common/component');
MiniComponent({
  properties: { type: { type: String, value: 'default' }, text: String },
  methods: { onTap() { this.triggerEvent('press', { type: this.data.type }); } },
});
