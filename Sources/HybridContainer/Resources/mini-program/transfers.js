// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

// `downloadFile` and `uploadFile`, composed of the `request` JSAPI (allowedDomains, redirects,
// rate limit, breaker and size limit all apply) and the app's files (`fs.*`): a download lands
// in the app's `tmp` (or at `filePath`), an upload sends a file as multipart/form-data. Both
// need the `request` and `file` permissions. Progress listeners hear one event when the
// transfer completes (the bytes cross the bridge whole, not streamed).
import { isObject } from './values.js';
import { APIFailure } from './api-failure.js';
import { nativeRequest } from './api-support.js';
import { fileCall } from './file-system.js';

let downloads = 0;
const basename = (url) => {
  const path = String(url).split(/[?#]/)[0];
  const name = path.slice(path.lastIndexOf('/') + 1).replace(/[^A-Za-z0-9._-]/g, '_');
  return name === '' || name === '.' || name === '..' ? 'file' : name;
};

// The task handle: `abort` and progress listeners.
export function transferTask(state, progress) {
  return {
    abort() { state.aborted = true; },
    onProgressUpdate(callback) { if (typeof callback === 'function') progress.push(callback); },
    offProgressUpdate(callback) {
      const index = progress.indexOf(callback);
      if (typeof callback !== 'function') progress.length = 0; else if (index >= 0) progress.splice(index, 1);
    },
  };
}

const announce = (progress, bytes) => {
  for (const callback of progress.slice()) {
    callback({ progress: 100, totalBytesWritten: bytes, totalBytesExpectedToWrite: bytes, totalBytesSent: bytes,
      totalBytesExpectedToSend: bytes });
  }
};

export function download(options, progress, wechat) {
  if (typeof options.url !== 'string') throw new APIFailure(2, 'url must be a string');
  const request = { url: options.url, method: 'GET', responseType: 'arraybuffer', timeout: options.timeout };
  request[wechat ? 'header' : 'headers'] = options.header || options.headers || {};
  return nativeRequest(request, wechat ? 'header' : 'headers').then((response) => {
    downloads += 1;
    const target = typeof options.filePath === 'string' ? options.filePath
      : (wechat ? 'wxfile://tmp/' : 'https://tmp/') + downloads + '-' + basename(options.url);
    return fileCall('writeFile', { filePath: target, data: response.data }).then(() => {
      announce(progress, response.data.byteLength);
      if (!wechat) return { apFilePath: target, tempFilePath: target, statusCode: response.status };
      return Object.assign({ statusCode: response.status }, typeof options.filePath === 'string' ? { filePath: target } : { tempFilePath: target });
    });
  });
}

export function upload(options, progress, wechat) {
  if (typeof options.url !== 'string') throw new APIFailure(2, 'url must be a string');
  if (typeof options.filePath !== 'string') throw new APIFailure(2, 'filePath must be a string');
  const field = String((wechat ? options.name : options.fileName) || 'file');
  return fileCall('readFile', { filePath: options.filePath }).then(({ data }) => {
    const boundary = '----HybridContainer' + Math.random().toString(16).slice(2);
    const encoder = new TextEncoder();
    const quote = (text) => String(text).replace(/["\r\n]/g, '_');
    const parts = [];
    const form = isObject(options.formData) ? options.formData : {};
    for (const key of Object.keys(form)) {
      parts.push(encoder.encode('--' + boundary + '\r\nContent-Disposition: form-data; name="' + quote(key) + '"\r\n\r\n' +
        String(form[key]) + '\r\n'));
    }
    parts.push(encoder.encode('--' + boundary + '\r\nContent-Disposition: form-data; name="' + quote(field) + '"; filename="' +
      quote(basename(options.filePath)) + '"\r\nContent-Type: application/octet-stream\r\n\r\n'));
    parts.push(new Uint8Array(data));
    parts.push(encoder.encode('\r\n--' + boundary + '--\r\n'));
    const body = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) { body.set(part, offset); offset += part.length; }
    const headers = Object.assign({}, options.header || options.headers || {}, { 'Content-Type': 'multipart/form-data; boundary=' + boundary });
    const request = { url: options.url, method: 'POST', data: body.buffer, dataType: 'text', timeout: options.timeout };
    request[wechat ? 'header' : 'headers'] = headers;
    return nativeRequest(request, wechat ? 'header' : 'headers').then((response) => {
      announce(progress, data.byteLength);
      return wechat ? { data: response.data, statusCode: response.status } : { data: response.data, statusCode: response.status, header: response.headers };
    });
  });
}
