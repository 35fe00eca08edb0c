import type { A } from './a';
export interface B<T> extends A { x?: T }
type U<T> = T extends string ? `on${T}` : never;
abstract class C<T> implements B<T> {
  private readonly y!: number;
  abstract z(): void;
  m<K extends keyof T>(k: K, v?: T[K]): T[K] | undefined { return v as T[K]; }
}
const f = <T,>(a: T): a is T => a! !== null ? true : false;
declare const wx: any;
function over(a: string): string;
function over(a: any) { return a satisfies unknown; }
