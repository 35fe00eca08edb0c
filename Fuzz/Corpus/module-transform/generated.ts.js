enum Color { Red, Green = 5, Blue }
const enum Size { Small = 'sm' }
class Base { constructor(public a: number) {} }
class Derived extends Base { constructor(private b: string, a = 1) { super(a); } }
@tag('x') @other
export class Card {
  @log title: string = 'x';
  @log static make() { return new Card(); }
  @log
  open(): void {}
}
