export default class { m() { return `a${b}c`; } }
export { x as y } from "./z";
const r = /[/]/g;
