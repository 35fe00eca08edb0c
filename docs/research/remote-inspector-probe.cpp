// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)
//
// Probe: JavaScriptCore's own remote inspector in a JSC-only process (Debian's
// libjavascriptcoregtk-4.1 2.50.6), with a context listed, evaluated in and debugged by a client
// speaking the inspector server's socket protocol (remote-inspector-client.py). Findings:
// docs/research/remote-inspector.md.
//
// Build: glib-compile-resources --target=inspector.gresource inspector.gresource.xml   (in this folder)
//        g++ -std=c++17 remote-inspector-probe.cpp $(pkg-config --cflags --libs javascriptcoregtk-4.1 gio-2.0) -lpthread
// Run:   ./a.out 9333 & /usr/bin/python3 remote-inspector-client.py 9333
#include <gio/gio.h>
#include <JavaScriptCore/JavaScript.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

// Exported by the library, declared by hand (no headers ship).
namespace WTF {
template<typename T> struct GRefPtrDefaultRefDerefTraits {};
template<typename T, typename Traits = GRefPtrDefaultRefDerefTraits<T>> class GRefPtr { public: T* m_ptr; };
class CString { public: CString(const char*); void* m_buffer; };
}
namespace Inspector {
class RemoteInspectorServer { public: static RemoteInspectorServer& singleton(); bool start(WTF::GRefPtr<GSocketAddress>&&); };
class RemoteInspector { public: static void setInspectorServerAddress(WTF::CString&&); static RemoteInspector& singleton(); void start(); };
}
extern "C" void JSRemoteInspectorSetInspectionEnabledByDefault(bool);
extern "C" void JSGlobalContextSetInspectable(JSGlobalContextRef, bool);
extern "C" void JSGlobalContextSetName(JSGlobalContextRef, JSStringRef);

static int port;

int main(int argc, char** argv) {
  port = atoi(argc > 1 ? argv[1] : "9333");
  // 1. The server answers SetupInspectorClient with the backend commands resource; without one
  //    registered it aborts (GLib-ERROR in g_variant_new). WebKitGTK registers it; JSC alone does not.
  if (GResource* resource = g_resource_load("inspector.gresource", nullptr)) g_resources_register(resource);

  // 2. The inspector thread: its own GMainContext, thread-default before WTF's RunLoop for the
  //    thread exists (the RunLoop adopts it), so the listener, the server's connections and the
  //    in-process target's connection are all serviced by the loop this thread runs.
  std::thread([] {
    GMainContext* context = g_main_context_new();
    g_main_context_push_thread_default(context);
    WTF::GRefPtr<GSocketAddress> address; address.m_ptr = g_inet_socket_address_new_from_string("127.0.0.1", port);
    bool ok = Inspector::RemoteInspectorServer::singleton().start(static_cast<WTF::GRefPtr<GSocketAddress>&&>(address));
    printf("server start: %d\n", ok); fflush(stdout);
    JSGlobalContextRelease(JSGlobalContextCreate(nullptr));  // JSC initialized on this thread, after the server listens
    // 3. The target side connects only when told where and started explicitly (JSRemoteInspectorStart does not).
    char text[64]; snprintf(text, sizeof text, "127.0.0.1:%d", port);
    WTF::CString* serverAddress = new WTF::CString(text);
    Inspector::RemoteInspector::setInspectorServerAddress(static_cast<WTF::CString&&>(*serverAddress));
    Inspector::RemoteInspector::singleton().start();
    JSRemoteInspectorSetInspectionEnabledByDefault(true);
    g_main_loop_run(g_main_loop_new(context, FALSE));
  }).detach();

  // 4. A "JavaScript thread": contexts made here push their listings with RunLoop::current() of
  //    this thread. It must own a GMainContext that it iterates, pushed as thread-default before
  //    JSC touches the thread; else the first push is dispatched to a context nobody runs and, as
  //    the push stays "scheduled", every later listing is lost (the target is never listed).
  GMainContext* jsContext = g_main_context_new();
  g_main_context_push_thread_default(jsContext);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  JSGlobalContextRef app = JSGlobalContextCreate(nullptr);
  JSGlobalContextSetName(app, JSStringCreateWithUTF8CString("micro-app hello #1"));
  JSGlobalContextSetInspectable(app, true);
  JSEvaluateScript(app, JSStringCreateWithUTF8CString("var counter = 41; function tick() { return ++counter; }"), nullptr, nullptr, 0, nullptr);
  printf("context created\n"); fflush(stdout);
  auto end = std::chrono::steady_clock::now() + std::chrono::seconds(atoi(getenv("PROBE_SECONDS") ? getenv("PROBE_SECONDS") : "10"));
  auto pauseAt = std::chrono::steady_clock::now() + std::chrono::seconds(6);
  bool paused = false;
  while (std::chrono::steady_clock::now() < end) {  // the JavaScript thread's idle turns
    if (!paused && std::chrono::steady_clock::now() > pauseAt) {
      paused = true;
      printf("evaluating a debugger statement\n"); fflush(stdout);
      JSValueRef v = JSEvaluateScript(app, JSStringCreateWithUTF8CString("(function stopHere() { var local = 7; debugger; return local * 6; })()"), nullptr, JSStringCreateWithUTF8CString("hybrid://app/pause.js"), 1, nullptr);
      printf("evaluation returned %g\n", JSValueToNumber(app, v, nullptr)); fflush(stdout);
    }
    while (g_main_context_iteration(jsContext, FALSE)) {}
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return 0;
}
