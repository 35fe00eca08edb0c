// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// `getFileSystemManager()` of both platforms over the container's `fs.*` JSAPIs (the app's own
// folder, `wx.env.USER_DATA_PATH`): every operation as a callback/promise method and a `…Sync`
// method. WeChat's `…Sync` methods take positional arguments and return the value itself
// (`readFileSync(path, 'utf8')` → the text); Alipay's take the option object and return the
// result object.
import { isObject } from './values.js';
import { asyncAPI, syncAPI } from './api-support.js';
import { withoutCallbacks } from './ui.js';

export const fileOperations = ['readFile', 'writeFile', 'appendFile', 'copyFile', 'rename', 'unlink', 'mkdir', 'rmdir',
  'readdir', 'stat', 'access', 'saveFile', 'getFileInfo', 'getSavedFileList', 'removeSavedFile'];

// WeChat's positional `…Sync` arguments, by operation.
const positional = {
  readFile: ['filePath', 'encoding', 'position', 'length'], writeFile: ['filePath', 'data', 'encoding'],
  appendFile: ['filePath', 'data', 'encoding'], copyFile: ['srcPath', 'destPath'], rename: ['oldPath', 'newPath'],
  unlink: ['filePath'], mkdir: ['dirPath', 'recursive'], rmdir: ['dirPath', 'recursive'], readdir: ['dirPath'],
  stat: ['path', 'recursive'], access: ['path'], saveFile: ['tempFilePath', 'filePath'], getFileInfo: ['filePath'],
  getSavedFileList: [], removeSavedFile: ['filePath'],
};

const stats = (raw) => Object.assign({}, raw, { isDirectory: () => raw.isDirectory, isFile: () => raw.isFile });
const shaped = (operation, result) => {
  if (operation === 'stat') return { stats: stats(result.stats) };
  return isObject(result) ? result : {};
};
const wechatValue = (operation, result) => {
  switch (operation) {
    case 'readFile': return result.data;
    case 'readdir': return result.files;
    case 'stat': return stats(result.stats);
    case 'saveFile': return result.savedFilePath;
    case 'getFileInfo': case 'getSavedFileList': return result;
    default: return undefined;
  }
};

// The file call of `operation` with `options` (callbacks removed), shaped for the platform.
export const fileCall = (operation, options) =>
  JSBridge.call('fs.' + operation, withoutCallbacks(isObject(options) ? options : {})).then((result) => shaped(operation, result));

export function fileSystemManager(namespace, flavor) {
  const wechat = flavor === 'wechat';
  const manager = {};
  for (const operation of fileOperations) {
    manager[operation] = asyncAPI(namespace, flavor, operation, (options) => fileCall(operation, options));
    manager[operation + 'Sync'] = syncAPI(namespace, flavor, operation + 'Sync', (...args) => {
      let options = isObject(args[0]) ? args[0] : {};
      if (wechat) {
        options = {};
        positional[operation].forEach((name, index) => { if (args[index] !== undefined) options[name] = args[index]; });
      }
      const result = JSBridge.callSync('fs.' + operation + 'Sync', withoutCallbacks(options));
      return wechat ? wechatValue(operation, result) : shaped(operation, result);
    });
  }
  return manager;
}
