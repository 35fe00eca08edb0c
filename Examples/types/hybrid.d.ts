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
  /** Aborts the pending call that returned `promise` (it rejects with error 9; an HTTP request stops). */
  abort(promise: Promise<unknown>): boolean;
  /** Listens to an event native code pushes. */
  on<K extends keyof BridgeEvents>(event: K, handler: (payload: BridgeEvents[K]) => void): { remove(): void };
};

// ---------------------------------------------------------------------------------------
// Modules (every app) and the mini-program framework (apps whose entry is app.json)

/** Loads a file of the app's package: `./x`, `../x`, `/x`, bare `x`, `.js` or `.json`. */
declare function require(path: string): any;
declare namespace require {
  /** The path a request resolves to, from the calling file. */
  function resolve(path: string): string;
  /** Loads a module on demand (e.g. another subpackage's): a promise of its exports. */
  function async(path: string): Promise<any>;
}
/** Mini-programs: one object shared by app.js and every module (WeChat's `global`). */
declare const global: Record<string, any>;
/** Reports an error the script caught but cannot handle (to App.onError and the host). */
declare function reportError(error: unknown, origin?: string): void;

interface PageQuery { [key: string]: string }
interface PageEvent<D = any> {
  type: string;
  timeStamp: number;
  target: { id: string; dataset: Record<string, any> };
  currentTarget: { id: string; dataset: Record<string, any> };
  detail: D;
}
interface PageInstance<D extends object = Record<string, any>> {
  readonly route: string;
  readonly options: PageQuery;
  data: D;
  /** Path keys ('a.b', 'list[2].name'); this.data changes at once; the callback runs after rendering. */
  setData(changes: Record<string, any>, callback?: () => void): void;
  selectComponent(selector: string): null;
  createSelectorQuery(): any;
}
interface PageConfig<D extends object = Record<string, any>> {
  data?: D;
  onLoad?(this: PageInstance<D> & Record<string, any>, query: PageQuery): void;
  onShow?(this: PageInstance<D> & Record<string, any>): void;
  onReady?(this: PageInstance<D> & Record<string, any>): void;
  onHide?(this: PageInstance<D> & Record<string, any>): void;
  onUnload?(this: PageInstance<D> & Record<string, any>): void;
  [handler: string]: any;
}
/** Registers the page whose file calls it (the file must be a page of app.json). */
declare function Page<D extends object>(config: PageConfig<D>): void;
interface ComponentConfig {
  properties?: Record<string, any>;
  data?: Record<string, any>;
  methods?: Record<string, (this: PageInstance & Record<string, any>, ...args: any[]) => any>;
  behaviors?: any[];
  mixins?: any[];
  lifetimes?: { created?(): void; attached?(): void; ready?(): void; detached?(): void };
  pageLifetimes?: { show?(): void; hide?(): void };
  observers?: Record<string, (...values: any[]) => void>;
  [key: string]: any;
}
/** A page built with Component() when called from a page file; recorded otherwise. */
declare function Component(config: ComponentConfig): void;
declare function Behavior(config: ComponentConfig): object;
declare function getCurrentPages(): PageInstance[];

type Callbacks<R, E> = { success?(result: R): void; fail?(error: E): void; complete?(resultOrError: R | E): void };
interface AlipayError { error: number; errorMessage: string }
interface WeChatError { errMsg: string }
/** Alipay-style APIs: failures are {error, errorMessage}. Without callbacks, async APIs return a Promise. */
declare const my: {
  SDKVersion: string;
  setStorage(options: { key: string; data: any } & Callbacks<{}, AlipayError>): Promise<{}> | void;
  getStorage(options: { key: string } & Callbacks<{ data: any }, AlipayError>): Promise<{ data: any }> | void;
  setStorageSync(options: { key: string; data: any }): {};
  getStorageSync(options: { key: string }): { data: any };
  removeStorageSync(options: { key: string }): {};
  request(options: { url: string; method?: string; headers?: Record<string, string>; data?: any; dataType?: string; timeout?: number }
    & Callbacks<{ data: any; status: number; headers: Record<string, string> }, AlipayError>): any;
  getSystemInfoSync(): { platform: string; system: string; language: string; version: string; SDKVersion: string };
  navigateTo(options: { url: string } & Callbacks<{}, AlipayError>): Promise<{}> | void;
  navigateBack(options?: { delta?: number } & Callbacks<{}, AlipayError>): Promise<{}> | void;
  /** Any JSAPI by name, your plugins' included. */
  call(api: string, params?: object, callback?: (result: any) => void): Promise<any> | void;
  canIUse(name: string): boolean;
  [api: string]: any;
};
/** WeChat-style APIs: results carry errMsg 'api:ok'; failures are {errMsg: 'api:fail …'}. */
declare const wx: {
  setStorageSync(key: string, data: any): void;
  getStorageSync(key: string): any;
  removeStorageSync(key: string): void;
  request(options: { url: string; method?: string; header?: Record<string, string>; data?: any; dataType?: string; responseType?: string; timeout?: number }
    & Callbacks<{ data: any; statusCode: number; header: Record<string, string>; errMsg: string }, WeChatError>): any;
  getSystemInfoSync(): { platform: string; system: string; language: string; version: string; SDKVersion: string };
  navigateTo(options: { url: string } & Callbacks<{ errMsg: string }, WeChatError>): Promise<{ errMsg: string }> | void;
  switchTab(options: { url: string } & Callbacks<{ errMsg: string }, WeChatError>): Promise<{ errMsg: string }> | void;
  showModal(options: { title?: string; content?: string } & Callbacks<{ confirm: boolean; cancel: boolean }, WeChatError>): any;
  canIUse(name: string): boolean;
  [api: string]: any;
};
