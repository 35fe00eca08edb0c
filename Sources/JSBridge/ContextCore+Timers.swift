// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore
import Foundation

/// A `setTimeout`/`setInterval` registration; its function and arguments stay protected
/// from collection until it fires for the last time or is cleared.
struct ScriptTimer {
    let function: JSObjectRef
    let arguments: [JSValueRef?]
    let interval: Duration?
    var handle: TimerQueue.Handle

    func release(in core: ContextCore) {
        core.executor.cancel(handle)
        JSValueUnprotect(core.globalContext, function)
        for argument in arguments { JSValueUnprotect(core.globalContext, argument) }
    }
}

extension ContextCore {
    /// The largest delay browsers accept (2^31 − 1 ms); larger ones fire immediately there,
    /// here they are clamped instead.
    static let maximumTimerDelay: Double = 2_147_483_647

    func setTimer(_ args: NativeFunction.Arguments, repeats: Bool) throws -> JSValueRef? {
        let name = repeats ? "setInterval" : "setTimeout"
        guard let function = args.function(0) else {
            throw NativeFunctionError.type("\(name): the first argument must be a function (strings are not evaluated)")
        }
        // Browsers' rule: NaN, negative and non-finite delays are 0; huge ones are clamped.
        var delay = args.isPresent(1) ? JSValueToNumber(globalContext, args[1], nil) : 0
        if !delay.isFinite { delay = 0 }
        let duration = AppNumbers.clampedDuration(milliseconds: delay, maximum: Self.maximumTimerDelay)
        JSValueProtect(globalContext, function)
        var extra: [JSValueRef?] = []
        if args.count > 2 {
            for index in 2..<args.count {
                JSValueProtect(globalContext, args[index])
                extra.append(args[index])
            }
        }
        let id = nextTimerID
        nextTimerID = nextTimerID == Int(Int32.max) ? 1 : nextTimerID + 1
        let handle = scheduleTimerFire(id: id, after: duration)
        timers[id] = ScriptTimer(function: function, arguments: extra, interval: repeats ? duration : nil, handle: handle)
        return JSValueMakeNumber(globalContext, Double(id))
    }

    func clearTimer(_ args: NativeFunction.Arguments) -> JSValueRef? {
        guard JSValueIsNumber(globalContext, args[0]) else { return nil }
        // Any number may come here (NaN, 1e300, 1.5): only exact timer ids match.
        guard let id = Int(exactly: JSValueToNumber(globalContext, args[0], nil)) else { return nil }
        if let timer = timers.removeValue(forKey: id) {
            timer.release(in: self)
            checkIdle()
        }
        return nil
    }

    private func scheduleTimerFire(id: Int, after delay: Duration) -> TimerQueue.Handle {
        executor.schedule(after: delay) { [weak self] in
            self?.fireTimer(id: id)
        }
    }

    private func fireTimer(id: Int) {
        guard var timer = timers[id] else { return }
        if let interval = timer.interval {
            timer.handle = scheduleTimerFire(id: id, after: max(interval, .milliseconds(1)))
            timers[id] = timer
        } else {
            timers.removeValue(forKey: id)
        }
        let origin = timer.interval == nil ? "setTimeout callback" : "setInterval callback"
        let onLongTimer = configuration.onLongTimer
        let began = onLongTimer == nil ? 0 : MonotonicClock.now()
        do {
            try enter(origin: origin) { exception in
                _ = timer.arguments.withUnsafeBufferPointer { buffer in
                    JSObjectCallAsFunction(globalContext, timer.function, nil, buffer.count, buffer.baseAddress, &exception)
                }
            }
        } catch {
            reportFailure(error, origin: origin)
        }
        if let onLongTimer {
            let elapsedNanoseconds = MonotonicClock.now() &- began
            let elapsed = Duration.nanoseconds(Int64(clamping: elapsedNanoseconds))
            if elapsed >= configuration.longTimerThreshold {
                let wallNow = UInt64(max(0, Date().timeIntervalSince1970) * 1e9)
                onLongTimer(origin, wallNow &- min(elapsedNanoseconds, wallNow), elapsed)
            }
        }
        if timer.interval == nil, !isReleased {
            JSValueUnprotect(globalContext, timer.function)
            for argument in timer.arguments { JSValueUnprotect(globalContext, argument) }
            checkIdle()
        }
    }
}
