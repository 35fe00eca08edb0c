Component({
  props: { value: 1, max: 9, onChange: () => {} },
  data: { mounted: false },
  didMount() { this.setData({ mounted: true }); },
  methods: {
    plus() { if (this.props.value < this.props.max) this.props.onChange(this.props.value + 1); },
    minus() { if (this.props.value > 1) this.props.onChange(this.props.value - 1); },
  },
});
