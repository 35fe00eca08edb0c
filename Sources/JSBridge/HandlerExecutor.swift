// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Where `.concurrent` bridge handlers run: a few dedicated threads that take Swift jobs from
/// one queue and spin briefly before parking, shared by every runtime of the process.
///
/// Why not the global concurrent executor: a call's handler then starts on a cooperative thread
/// that has to be woken (a futex wake and a context switch, most of an awaited call's cost),
/// and its result wakes the JavaScript thread back. Here a worker that just finished a job spins
/// up to `spinLimit` for the next one, and the JavaScript thread spins for the result
/// (`RuntimeExecutor.expectResult`): a stream of calls costs no wake-ups on either side. A
/// handler that awaits something else (an HTTP response) resumes here too (task executor
/// preference); one that blocks holds one worker, like it would hold a cooperative thread.
///
/// `@unchecked Sendable`: the job queue is guarded by `mutex`/`condition`; `spinning` and
/// `queuedCount` are atomics.
final class HandlerExecutor: TaskExecutor, @unchecked Sendable {
    /// The process's executor: as many workers as cores, at least two.
    static let shared = HandlerExecutor(workers: max(2, ProcessInfo.processInfo.activeProcessorCount))

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [UnownedJob] = []
    private var head = 0
    private var sleepers = 0
    /// Mirrors the number of queued jobs so a spinning worker can watch it without the lock.
    private let queuedCount = Atomic<Int>(0)
    /// How long a worker that ran out of jobs watches for a new one before it parks (ns).
    private let spinLimit: UInt64 = 50_000
    /// 1 while a worker spins: only one does at a time (on a small machine, several spinning
    /// workers would take the cores the JavaScript threads need), and a job enqueued then needs
    /// no wake-up.
    private let spinning = Atomic<Int>(0)

    init(workers: Int) {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        for index in 0..<workers {
            let name = "hybrid-hndlr-\(index)"
            let thread = Thread { [self] in
                setCurrentThreadName(name)
                self.work()
            }
            thread.name = name
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        pthread_mutex_lock(mutex)
        queue.append(unowned)
        queuedCount.add(1, ordering: .releasing)
        let wake = sleepers > 0 && spinning.load(ordering: .acquiring) == 0
        pthread_mutex_unlock(mutex)
        if wake { pthread_cond_signal(condition) }
    }

    func asUnownedTaskExecutor() -> UnownedTaskExecutor {
        UnownedTaskExecutor(ordinary: self)
    }

    private func next() -> UnownedJob {
        pthread_mutex_lock(mutex)
        while head == queue.count {
            pthread_mutex_unlock(mutex)
            spin()
            pthread_mutex_lock(mutex)
            if head < queue.count { break }
            sleepers += 1
            pthread_cond_wait(condition, mutex)
            sleepers -= 1
        }
        let job = queue[head]
        head += 1
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        queuedCount.subtract(1, ordering: .relaxed)
        pthread_mutex_unlock(mutex)
        return job
    }

    /// Watches for a job up to `spinLimit`, unless another worker already does.
    private func spin() {
        guard spinning.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing).exchanged else { return }
        let start = MonotonicClock.now()
        while queuedCount.load(ordering: .acquiring) == 0, MonotonicClock.now() &- start < spinLimit {}
        spinning.store(0, ordering: .releasing)
    }

    private func work() {
        while true {
            let job = next()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// Names the calling thread for the kernel (`top -H`, `/proc/…/comm`, debuggers; at most 15
/// bytes are kept). Foundation's `Thread.name` does not reach the kernel on Linux, and a new
/// thread otherwise inherits its creator's name (often a dispatch queue's).
/// (Written to `/proc/thread-self/comm`, what `pthread_setname_np` does on Linux; that function
/// is not visible to Swift without `_GNU_SOURCE`.)
func setCurrentThreadName(_ name: String) {
    let descriptor = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    let bytes = Array(name.utf8.prefix(15))
    _ = bytes.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count) }
}
