// Thin C shim over the JavaScriptCore C API shipped by Debian's libjavascriptcoregtk-4.1-dev.
// Only the JSBridge module imports this. It adds the declarations of functions that the
// library exports but whose private headers are not installed by the -dev package.
#ifndef HYBRID_CONTAINER_CJAVASCRIPTCORE_SHIM_H
#define HYBRID_CONTAINER_CJAVASCRIPTCORE_SHIM_H

#include <JavaScriptCore/JavaScript.h>
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

/// From JSObjectRefPrivate.h: the global context an object was created in.
JS_EXPORT JSGlobalContextRef JSObjectGetGlobalContext(JSObjectRef object);

#ifdef __cplusplus
}
#endif

#endif
