# This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
# SPDX-License-Identifier: Apache-2.0 (see LICENSE)
#
# A client of JavaScriptCore's remote inspector server (the socket protocol WebKitGTK's tools
# speak): set up as a client, read the target list, connect to the first target, evaluate,
# enable the debugger, wait for a pause at `debugger;`, evaluate on the paused frame, resume.
# Needs PyGObject for GVariant (Debian's python3-gi): /usr/bin/python3 remote-inspector-client.py PORT
import socket, struct, sys, time, json
from gi.repository import GLib
TYPES = {"DidSetupInspectorClient": "(ay)", "SetTargetList": "(ta(tsssb))", "SendMessageToFrontend": "(tts)", "DidClose": "(ttt)"}
def frame(name, variant):
    body = variant.get_data_as_bytes().get_data() if variant is not None else b""
    payload = name.encode() + b"\0" + body
    return struct.pack(">I", len(payload)) + b"\x01" + payload
buf = b""
def read_frames(sock, seconds, until=None):
    global buf
    sock.settimeout(0.2); end = time.time() + seconds; out = []
    while time.time() < end:
        try:
            chunk = sock.recv(65536)
            if not chunk: print("closed"); return out
            buf += chunk
        except socket.timeout: pass
        while len(buf) >= 5:
            size = struct.unpack(">I", buf[:4])[0]
            if len(buf) < 5 + size: break
            flags = buf[4]; payload = buf[5:5+size]; buf = buf[5+size:]
            name, _, body = payload.partition(b"\0"); name = name.decode()
            t = TYPES.get(name)
            val = GLib.Variant.new_from_bytes(GLib.VariantType.new(t), GLib.Bytes.new(body), flags == 1).unpack() if t else body
            print(f"<- {name} {str(val)[:400]}", flush=True)
            out.append((name, val))
            if until and until(name, val): return out
    return out
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(frame("SetupInspectorClient", GLib.Variant("(ay)", [b"\0"])))
got = read_frames(s, 3, lambda n, v: n == "SetTargetList" and len(v[1]) > 0)
conn, targets = [v for n, v in got if n == "SetTargetList"][-1]
target = targets[0][0]
s.sendall(frame("Setup", GLib.Variant("(tt)", (conn, target))))
read_frames(s, 1)
def send(msg):
    s.sendall(frame("SendMessageToBackend", GLib.Variant("(tts)", (conn, target, json.dumps(msg)))))
send({"id": 1, "method": "Runtime.evaluate", "params": {"expression": "tick()"}})
read_frames(s, 2)
send({"id": 2, "method": "Debugger.enable"})
send({"id": 5, "method": "Debugger.setBreakpointsActive", "params": {"active": True}})
send({"id": 6, "method": "Debugger.setPauseOnDebuggerStatements", "params": {"enabled": True}})
got = read_frames(s, 8, lambda n, v: n == "SendMessageToFrontend" and "Debugger.paused" in v[2])
paused = [v for n, v in got if n == "SendMessageToFrontend" and "Debugger.paused" in v[2]]
print("PAUSED" if paused else "no pause")
if paused:
    frame_id = json.loads(paused[0][2])["params"]["callFrames"][0]["callFrameId"]
    send({"id": 3, "method": "Debugger.evaluateOnCallFrame", "params": {"callFrameId": frame_id, "expression": "local"}})
    read_frames(s, 1)
    send({"id": 4, "method": "Debugger.resume"})
    read_frames(s, 2)
