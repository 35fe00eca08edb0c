// An ES module importing a CommonJS one; pages import it with `import`.
import { title } from './format';

export const STORAGE_KEY = 'notes';

export function loadNotes() {
  // WeChat's getStorageSync(key) answers '' for a missing key.
  return wx.getStorageSync(STORAGE_KEY) || [];
}

export function saveNotes(notes) {
  wx.setStorageSync(STORAGE_KEY, notes);
}

export default function makeNote(text, id) {
  return { id, title: title(text), done: false };
}
