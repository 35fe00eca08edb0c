// Thin C shim over the JavaScriptCore C API shipped by Debian's libjavascriptcoregtk-4.1-dev.
// Only the JSBridge module imports this. It adds the declarations of functions that the
// library exports but whose private headers are not installed by the -dev package.
#ifndef HYBRID_CONTAINER_CJAVASCRIPTCORE_SHIM_H
#define HYBRID_CONTAINER_CJAVASCRIPTCORE_SHIM_H

#include <JavaScriptCore/JavaScript.h>
#include <gio/gio.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Called by the watchdog when a script in `ctx` exceeded the group's time limit.
/// Return true to terminate the script, false to let it run for another limit period.
typedef bool (*JSShouldTerminateCallback)(JSContextRef ctx, void *context);

/// From JSContextRefPrivate.h: limits how long a script may run in any context of `group`.
/// The limit is measured per entry into the VM; `callback` may be NULL (always terminate).
JS_EXPORT void JSContextGroupSetExecutionTimeLimit(JSContextGroupRef group, double limit,
                                                   JSShouldTerminateCallback callback,
                                                   void *context);

/// From JSContextRefPrivate.h: removes the time limit set above.
JS_EXPORT void JSContextGroupClearExecutionTimeLimit(JSContextGroupRef group);

/// From JSContextRefPrivate.h: `function` is called with (promise, reason) for every promise
/// rejected without a handler, after the microtask queue has drained.
JS_EXPORT void JSGlobalContextSetUnhandledRejectionCallback(JSGlobalContextRef ctx,
                                                            JSObjectRef function,
                                                            JSValueRef *exception);

/// From JSContextRefPrivate.h: turns eval() and new Function() on or off; when off they
/// throw an EvalError carrying `message`.
JS_EXPORT void JSGlobalContextSetEvalEnabled(JSGlobalContextRef ctx, bool enabled, JSStringRef message);

/// From JSContextRefPrivate.h: a full, synchronous garbage collection of `ctx`'s heap.
JS_EXPORT void JSSynchronousGarbageCollectForDebugging(JSContextRef ctx);

/// From JSBase.h's private counterpart (exported, unheadered in the -dev package): an object
/// describing the whole heap of `ctx`'s group: heapSize, heapCapacity, extraMemorySize,
/// objectCount, protectedObjectCount, globalObjectCount, protectedGlobalObjectCount and
/// objectTypeCounts (live cells per class name).
JS_EXPORT JSObjectRef JSGetMemoryUsageStatistics(JSContextRef ctx);

// MARK: Scripts shared by the contexts of a group (JSScriptRefPrivate.h, exported, unheadered)

/// A parsed script whose source (one copy) every context of its group can evaluate.
typedef struct OpaqueJSScript *JSScriptRef;

/// Parses `source` (a syntax check) and keeps it for evaluation in any context of `contextGroup`;
/// NULL with `errorMessage` and `errorLine` set when it is not a valid program.
JS_EXPORT JSScriptRef JSScriptCreateFromString(JSContextGroupRef contextGroup, JSStringRef url, int startingLineNumber,
                                               JSStringRef source, JSStringRef *errorMessage, int *errorLine);

/// Releases a script (functions made from it keep its source alive as long as they need it).
JS_EXPORT void JSScriptRelease(JSScriptRef script);

/// Evaluates `script` in `ctx` (a context of the script's group) as JSEvaluateScript would.
JS_EXPORT JSValueRef JSScriptEvaluate(JSContextRef ctx, JSScriptRef script, JSValueRef thisValue, JSValueRef *exception);

/// From JSObjectRefPrivate.h: the global context an object was created in.
JS_EXPORT JSGlobalContextRef JSObjectGetGlobalContext(JSObjectRef object);

// MARK: The remote inspector (docs/research/remote-inspector.md)
// C++ entry points the library exports without headers, declared under their mangled names.
// `WTF::CString` and `WTF::GRefPtr<T>` hold one pointer each; the C++ ABI passes their `&&`
// arguments as pointers and a member function's `this` first.

/// The storage of a `WTF::CString` (a reference to its buffer).
typedef struct { void *buffer; } HCWTFCString;
/// The storage of a `WTF::GRefPtr<T>` (one owned reference).
typedef struct { void *pointer; } HCWTFGRefPtr;

JS_EXPORT void *_ZN9Inspector21RemoteInspectorServer9singletonEv(void);
JS_EXPORT bool _ZN9Inspector21RemoteInspectorServer5startEON3WTF7GRefPtrI15_GSocketAddressNS1_28GRefPtrDefaultRefDerefTraitsIS3_EEEE(
    void *server, HCWTFGRefPtr *address);
JS_EXPORT void *_ZN9Inspector15RemoteInspector9singletonEv(void);
JS_EXPORT void _ZN9Inspector15RemoteInspector5startEv(void *inspector);
JS_EXPORT void _ZN9Inspector15RemoteInspector25setInspectorServerAddressEON3WTF7CStringE(HCWTFCString *address);
JS_EXPORT void _ZN3WTF7CStringC1EPKc(HCWTFCString *string, const char *text);

/// `Inspector::RemoteInspectorServer::singleton().start(address)`: the inspector server listens
/// on 127.0.0.1:`port`. Its sources attach to the calling thread's thread-default main context.
static inline bool HCRemoteInspectorServerStart(int port) {
    HCWTFGRefPtr address = { g_inet_socket_address_new_from_string("127.0.0.1", (guint)port) };
    return _ZN9Inspector21RemoteInspectorServer5startEON3WTF7GRefPtrI15_GSocketAddressNS1_28GRefPtrDefaultRefDerefTraitsIS3_EEEE(
        _ZN9Inspector21RemoteInspectorServer9singletonEv(), &address);
}

/// The process's contexts (targets) connect to the server at `address` ("127.0.0.1:PORT"):
/// `RemoteInspector::setInspectorServerAddress(address)` then `RemoteInspector::singleton().start()`.
static inline void HCRemoteInspectorConnect(const char *address) {
    HCWTFCString text = { 0 };
    _ZN3WTF7CStringC1EPKc(&text, address);
    _ZN9Inspector15RemoteInspector25setInspectorServerAddressEON3WTF7CStringE(&text);
    _ZN9Inspector15RemoteInspector5startEv(_ZN9Inspector15RemoteInspector9singletonEv());
}

#ifdef __cplusplus
}
#endif

#endif
