// TypeScript declarations for HybridContainer micro-apps: App(), JSBridge and the built-in
// JSAPIs. Reference it from a micro-app with: /// <reference path="hybrid.d.ts" />

/** Options `onLaunch` receives. */
interface LaunchOptions {
  /** Launch parameters given by the host (`container-demo run app --query k=v`). */
  query: Record<string, string>;
  appId: string;
  version: string;
  /** Where the app's code came from. */
  source: 'offline' | 'online';
  /** Extra fields plugins may add when rewriting a launch. */
  [extra: string]: unknown;
}

/** What `onError` receives: a hook threw or rejected, a timer or listener threw, a promise went unhandled, the watchdog stopped a script. */
interface AppError {
  origin: string;
  message: string;
  stack: string | null;
}

/** The app object registered with `App({...})`. Hooks may return promises; they are awaited. */
interface AppConfig {
  onLaunch?(options: LaunchOptions): void | Promise<void>;
  onStart?(): void | Promise<void>;
  /** Mini-program name of onStart. */
  onShow?(): void | Promise<void>;
  onStop?(): void | Promise<void>;
  /** Mini-program name of onStop. */
  onHide?(): void | Promise<void>;
  onDestroy?(): void | Promise<void>;
  onError?(error: AppError): void;
  [member: string]: unknown;
}

/** Registers the app (once). */
declare function App<T extends AppConfig>(config: T): T;
/** The registered app object. */
declare function getApp<T extends AppConfig = AppConfig>(): T | null;

/**
 * A failed call: `error` is 1 no such API, 2 invalid parameters, 3 internal error,
 * 4 no permission, 5 timeout, 6 network error; plugin codes are ≥ 1000
 * (1001 storage quota, 1002 request rate limit, 1003 request circuit open).
 */
interface BridgeError extends Error {
  error: number;
  errorMessage: string;
  api: string;
}

interface StorageInfo { keys: string[]; currentSize: number; limitSize: number }
interface SystemInfo {
  platform: 'linux'; system: string; hostName: string; hostVersion: string;
  processorCount: number; physicalMemory: number; language: string;
}
interface AppInfo { appId: string; name: string; version: string; source: 'offline' | 'online' | 'developer'; offline: boolean; instanceId: number }
interface RequestParams {
  url: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS';
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as text; ArrayBuffer / typed arrays as bytes. */
  data?: unknown;
  /** How to read the response body (default `json`, falling back to text). */
  dataType?: 'json' | 'text' | 'arraybuffer';
  /** Milliseconds. */
  timeout?: number;
}
interface RequestResult<T = unknown> { status: number; headers: Record<string, string>; data: T }

/** The built-in asynchronous APIs: name → [params, result]. */
interface BuiltInAPIs {
  setStorage: [{ key: string; data: unknown }, null];
  getStorage: [{ key: string }, { data: unknown }];
  removeStorage: [{ key: string }, null];
  clearStorage: [undefined, null];
  getStorageInfo: [undefined, StorageInfo];
  request: [RequestParams, RequestResult];
  getSystemInfo: [undefined, SystemInfo];
  getAppInfo: [undefined, AppInfo];
  postNotification: [{ name: string; data?: unknown }, null];
  getConfig: [{ key: string }, { value: unknown }];
  reportEvent: [{ name: string; data?: unknown }, null];
  openApp: [{ appId: string; query?: Record<string, string> }, { appId: string; instanceId: number }];
  exitApp: [undefined, null];
}

/** The built-in synchronous APIs. */
interface BuiltInSyncAPIs {
  setStorageSync: [{ key: string; data: unknown }, null];
  getStorageSync: [{ key: string }, { data: unknown }];
  removeStorageSync: [{ key: string }, null];
  clearStorageSync: [undefined, null];
  getStorageInfoSync: [undefined, StorageInfo];
  getSystemInfo: [undefined, SystemInfo];
  getAppInfo: [undefined, AppInfo];
  getConfig: [{ key: string }, { value: unknown }];
}

/** Events native code pushes: name → payload. */
interface BridgeEvents {
  notification: { name: string; data: unknown; from: string };
  [event: string]: unknown;
}

declare const JSBridge: {
  /** Calls a native API; the promise rejects with a BridgeError. The callback gets the result or the error. */
  call<K extends keyof BuiltInAPIs>(
    name: K, params?: BuiltInAPIs[K][0], callback?: (result: BuiltInAPIs[K][1] | BridgeError) => void,
  ): Promise<BuiltInAPIs[K][1]>;
  call<T = unknown>(name: string, params?: unknown, callback?: (result: T | BridgeError) => void): Promise<T>;
  /** Calls an API the plugin declares synchronous; throws a BridgeError. */
  callSync<K extends keyof BuiltInSyncAPIs>(name: K, params?: BuiltInSyncAPIs[K][0]): BuiltInSyncAPIs[K][1];
  callSync<T = unknown>(name: string, params?: unknown): T;
  /** Listens to an event native code pushes. */
  on<K extends keyof BridgeEvents>(event: K, handler: (payload: BridgeEvents[K]) => void): { remove(): void };
};
