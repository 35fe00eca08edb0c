// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The serial executor of one runtime: a dedicated thread that runs Swift jobs of the
/// `ScriptContext` actors, closures submitted from other threads, and due timers.
///
/// Threading rules: `submit` and `enqueue` may be called from any thread. `schedule`,
/// `cancel` and everything a submitted closure does run on the runtime thread only and are
/// checked with `preconditionOnThread()`.
///
/// `@unchecked Sendable`: the job queue is guarded by `mutex`/`condition`; the timer queue
/// is touched only on the runtime thread (checked by preconditions).
final class RuntimeExecutor: SerialExecutor, TaskExecutor, @unchecked Sendable {
    private enum Work {
        case job(UnownedJob)
        case closure(@Sendable () -> Void)
    }

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [Work] = []
    /// Mirrors `queue.count` so the loop can spin without taking the lock.
    private let queuedCount = Atomic<Int>(0)
    /// When the job running now began (monotonic ns), 0 while the thread waits: lets a
    /// supervisor see a thread stuck in one job (e.g. an endless microtask chain, which
    /// JavaScriptCore's watchdog cannot stop because each microtask is a new VM entry).
    private let busySince = Atomic<UInt64>(0)

    /// The thread's CPU-time clock (set once the thread runs; such clock IDs are negative, so
    /// `Int32.min` marks "not yet").
    private let cpuClock = Atomic<Int32>(.min)

    /// The job running now (identified by its start, monotonic ns) and the CPU time the thread
    /// has used so far; nil while the thread waits. Sampling this twice tells how much CPU one
    /// job has burned, the measure the watchdog uses too.
    var busySample: (job: UInt64, threadCPU: UInt64)? {
        let since = busySince.load(ordering: .relaxed)
        let clock = cpuClock.load(ordering: .relaxed)
        guard since != 0, clock != .min else { return nil }
        var spec = timespec()
        guard clock_gettime(clockid_t(clock), &spec) == 0 else { return nil }
        return (since, UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec))
    }
    private var sleeping = false
    private var stopRequested = false
    /// Set by ``expectWork(within:)``: until this moment (monotonic ns) the woken thread watches
    /// for work instead of sleeping again; 0 when not asked.
    private var watchUntil: UInt64 = 0
    /// True while the thread watches for work after ``expectWork(within:)``.
    private let watching = Atomic<Bool>(false)
    /// Submissions that had to wake the sleeping thread.
    private let wakeUps = Atomic<Int>(0)

    /// Watches begun so far (``expectWork(within:)``; tests).
    private let watches = Atomic<Int>(0)

    /// Whether the thread watches for work now (``expectWork(within:)``; tests).
    var isWatching: Bool { watching.load(ordering: .acquiring) }
    /// How many watches have begun (tests).
    var watchCount: Int { watches.load(ordering: .acquiring) }
    /// How many submissions have had to wake the sleeping thread (tests).
    var wakeUpCount: Int { wakeUps.load(ordering: .acquiring) }
    /// Whether the thread sleeps now, waiting for work (tests).
    var isSleeping: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return sleeping
    }

    /// Thread-confined state.
    private var timers = TimerQueue()
    /// The thread's GLib main context while the remote inspector runs (``RemoteInspection``):
    /// the inspector's work for this thread's contexts, drained after each batch and at least
    /// every ``inspectorInterval``.
    private var inspectorContext: OpaquePointer?
    /// Work started off the thread whose result will come back here (bridge calls in flight).
    /// While there is some, the loop spins briefly before sleeping: a result that arrives within
    /// `spinLimit` then costs no futex wake-up on either side.
    private var expectedResults = 0
    private let spinLimit: UInt64 = 20_000
    private var threadID: pthread_t?
    private let name: String

    init(name: String) {
        self.name = name
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        pthread_cond_init(condition, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Starts the thread and returns once it runs. `onExit` runs on the thread after the loop ends.
    func start(stackSize: Int, onExit: @escaping @Sendable () -> Void) {
        let ready = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            // First, before JavaScriptCore touches the thread (the inspector's work for it, if on).
            self.inspectorContext = RemoteInspection.threadContext()
            setCurrentThreadName(self.name)
            self.threadID = pthread_self()
            var clock = clockid_t()
            if pthread_getcpuclockid(pthread_self(), &clock) == 0 { self.cpuClock.store(Int32(clock), ordering: .relaxed) }
            ready.signal()
            self.runLoop()
            onExit()
        }
        thread.name = name
        thread.stackSize = stackSize
        thread.start()
        ready.wait()
    }

    /// Asks the loop to finish the work already queued and exit.
    func requestStop() {
        pthread_mutex_lock(mutex)
        stopRequested = true
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    var isOnThread: Bool {
        guard let threadID else { return false }
        return pthread_equal(threadID, pthread_self()) != 0
    }

    func preconditionOnThread(file: StaticString = #fileID, line: UInt = #line) {
        precondition(isOnThread, "JavaScriptCore state used off its runtime thread", file: file, line: line)
    }

    // MARK: SerialExecutor

    func enqueue(_ job: consuming ExecutorJob) {
        push(.job(UnownedJob(job)))
    }

    func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    func checkIsolated() {
        preconditionOnThread()
    }

    func isSameExclusiveExecutionContext(other: RuntimeExecutor) -> Bool {
        self === other
    }

    // MARK: Work submission

    /// Runs `body` on the runtime thread, after the work already queued.
    func submit(_ body: @escaping @Sendable () -> Void) {
        push(.closure(body))
    }

    /// Work is about to come (a launch has begun that will run a job here): if the thread
    /// sleeps, it is woken now and watches for the work up to `nanoseconds`, yielding the CPU to
    /// any other runnable thread meanwhile, so the job itself needs no wake-up. The wake-up's
    /// latency then overlaps with what the caller does before it submits.
    func expectWork(within nanoseconds: UInt64) {
        guard nanoseconds > 0 else { return }
        pthread_mutex_lock(mutex)
        let wake = sleeping && queue.isEmpty
        if wake { watchUntil = MonotonicClock.now() &+ nanoseconds }
        pthread_mutex_unlock(mutex)
        if wake { pthread_cond_signal(condition) }
    }

    private func push(_ work: Work) {
        pthread_mutex_lock(mutex)
        queue.append(work)
        queuedCount.add(1, ordering: .releasing)
        let wake = sleeping
        pthread_mutex_unlock(mutex)
        if wake {
            wakeUps.add(1, ordering: .relaxed)
            pthread_cond_signal(condition)
        }
    }

    /// Work for when the thread has nothing else to do (runtime thread only): each item runs
    /// when the queue has been empty for ``idleGrace``, no timer is due and no result is
    /// expected, one per idle turn. The grace keeps it out of the short gaps inside a sequence
    /// of jobs (a launch hops between threads several times).
    private var idleWork: [() -> Void] = []
    /// How long the thread must have had nothing to do before idle work runs.
    static let idleGrace: UInt64 = 5_000_000
    /// How often a sleeping thread looks at the inspector's work (nanoseconds).
    static let inspectorInterval: UInt64 = 20_000_000
    /// When the thread last finished a batch of work.
    private var lastBusyEnd: UInt64 = 0

    func whenIdle(_ body: @escaping () -> Void) {
        preconditionOnThread()
        idleWork.append(body)
    }

    /// Notes that a result will be submitted from another thread (call `resultArrived` then).
    func expectResult() {
        preconditionOnThread()
        expectedResults += 1
    }

    func resultArrived() {
        preconditionOnThread()
        expectedResults -= 1
    }

    // MARK: Timers (runtime thread only)

    func schedule(at deadline: UInt64, _ action: @escaping () -> Void) -> TimerQueue.Handle {
        preconditionOnThread()
        return timers.schedule(at: deadline, action)
    }

    func schedule(after delay: Duration, _ action: @escaping () -> Void) -> TimerQueue.Handle {
        schedule(at: MonotonicClock.deadline(after: delay), action)
    }

    @discardableResult
    func cancel(_ handle: TimerQueue.Handle) -> Bool {
        preconditionOnThread()
        return timers.cancel(handle)
    }

    // MARK: Loop

    private func runLoop() {
        var batch: [Work] = []
        batch.reserveCapacity(64)
        while true {
            if expectedResults > 0 { spinForWork() }
            pthread_mutex_lock(mutex)
            if queue.isEmpty && !stopRequested && expectedResults == 0 && !idleWork.isEmpty
                && (timers.nextDeadline ?? .max) > MonotonicClock.now()
                && MonotonicClock.now() &- lastBusyEnd >= Self.idleGrace
            {
                pthread_mutex_unlock(mutex)
                let work = idleWork.removeFirst()
                busySince.store(MonotonicClock.now(), ordering: .relaxed)
                work()
                busySince.store(0, ordering: .relaxed)
                lastBusyEnd = MonotonicClock.now()
                continue
            }
            while queue.isEmpty && !stopRequested {
                // Idle work waiting: wake when the grace has passed (or earlier for a timer).
                let idleDeadline = idleWork.isEmpty || expectedResults > 0 ? nil : lastBusyEnd &+ Self.idleGrace
                if let idleDeadline, idleDeadline <= MonotonicClock.now() { break }
                // While the inspector runs, the thread looks at its work at least every 20 ms.
                let inspectorDeadline = inspectorContext == nil ? nil : MonotonicClock.now() &+ Self.inspectorInterval
                let deadline = [timers.nextDeadline, idleDeadline, inspectorDeadline].compactMap { $0 }.min()
                if let deadline, deadline <= MonotonicClock.now() { break }
                sleeping = true
                if let deadline {
                    var spec = timespec(
                        tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
                    pthread_cond_timedwait(condition, mutex, &spec)
                } else {
                    pthread_cond_wait(condition, mutex)
                }
                sleeping = false
                if let inspectorContext, queue.isEmpty {
                    pthread_mutex_unlock(mutex)
                    RemoteInspection.drain(inspectorContext)
                    pthread_mutex_lock(mutex)
                }
                if watchUntil != 0 {
                    let until = watchUntil
                    watchUntil = 0
                    if queue.isEmpty && !stopRequested {
                        pthread_mutex_unlock(mutex)
                        watchForWork(until: until)
                        pthread_mutex_lock(mutex)
                    }
                }
            }
            swap(&batch, &queue)
            queuedCount.store(0, ordering: .relaxed)
            let stop = stopRequested && batch.isEmpty
            pthread_mutex_unlock(mutex)
            if stop { break }

            for work in batch {
                busySince.store(MonotonicClock.now(), ordering: .relaxed)
                defer { busySince.store(0, ordering: .relaxed) }
                switch work {
                case .job(let job):
                    // Jobs arrive both as actor work (serial executor) and as tasks that prefer
                    // this thread (task executor); the thread is both.
                    job.runSynchronously(isolatedTo: asUnownedSerialExecutor(), taskExecutor: asUnownedTaskExecutor())
                case .closure(let body): body()
                }
            }
            let didWork = !batch.isEmpty
            batch.removeAll(keepingCapacity: true)
            if let inspectorContext { RemoteInspection.drain(inspectorContext) }
            // (A wake-up for idle work alone does not count as work: it would restart the grace.)
            if runDueTimers() || didWork { lastBusyEnd = MonotonicClock.now() }
        }
        timers.removeAll()
        // Idle work never run holds this executor (a pool refill captures it): dropped with the
        // loop, or executor and closures keep each other alive after the thread ends (LeakSanitizer).
        idleWork.removeAll()
    }

    /// Busy-waits up to `spinLimit` for queued work or a due timer.
    private func spinForWork() {
        let start = MonotonicClock.now()
        let timerDeadline = timers.nextDeadline ?? .max
        var now = start
        while queuedCount.load(ordering: .acquiring) == 0, now < timerDeadline, now &- start < spinLimit {
            now = MonotonicClock.now()
        }
    }

    /// Watches for queued work until `deadline` (or a due timer), yielding between looks: a
    /// longer watch than ``spinForWork()``, so it must not keep another runnable thread (the
    /// launching one, a collector helper) off this core.
    private func watchForWork(until deadline: UInt64) {
        let end = min(deadline, timers.nextDeadline ?? .max)
        watching.store(true, ordering: .releasing)
        watches.add(1, ordering: .releasing)
        while queuedCount.load(ordering: .acquiring) == 0, MonotonicClock.now() < end {
            sched_yield()
        }
        watching.store(false, ordering: .releasing)
    }

    /// Fires every timer due now; timers scheduled while firing wait for the next turn. Returns
    /// whether any fired.
    @discardableResult
    private func runDueTimers() -> Bool {
        guard let first = timers.nextDeadline else { return false }
        let now = MonotonicClock.now()
        guard first <= now else { return false }
        while let action = timers.popDue(now: now) {
            busySince.store(MonotonicClock.now(), ordering: .relaxed)
            action()
            busySince.store(0, ordering: .relaxed)
        }
        return true
    }
}
