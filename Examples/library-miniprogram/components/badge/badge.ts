// A component written in TypeScript: an enum, a class with parameter properties, an
// angle-bracket assertion, types everywhere. Loaded as is in developer mode; packed as .js.
enum Tone { Info, Warning = 5, Danger }

class Label {
  constructor(private readonly text: string, public tone: Tone = Tone.Info) {}
  render(): string { return `${Tone[this.tone].toLowerCase()}: ${this.text}`; }
}

interface BadgeData { label: string }

Component({
  properties: { text: { type: String, value: '' }, danger: Boolean },
  data: <BadgeData>{ label: '' },
  observers: {
    'text, danger'(text: string, danger: boolean) {
      this.setData({ label: new Label(text, danger ? Tone.Danger : Tone.Info).render() });
    },
  },
});
