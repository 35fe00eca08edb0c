// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// A min-heap of deadlines with O(log n) cancellation, confined to the runtime thread.
///
/// Used for `setTimeout`/`setInterval`, bridge call timeouts and awaited-promise timeouts.
/// Entries with equal deadlines fire in the order they were scheduled.
struct TimerQueue {
    /// Identifies a scheduled entry; never reused.
    typealias Handle = UInt64

    private struct Entry {
        let deadline: UInt64
        let handle: Handle
        let action: () -> Void
    }

    private var heap: [Entry] = []
    private var positions: [Handle: Int] = [:]
    private var nextHandle: Handle = 1

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }
    var nextDeadline: UInt64? { heap.first?.deadline }

    mutating func schedule(at deadline: UInt64, _ action: @escaping () -> Void) -> Handle {
        let handle = nextHandle
        nextHandle += 1
        heap.append(Entry(deadline: deadline, handle: handle, action: action))
        positions[handle] = heap.count - 1
        siftUp(heap.count - 1)
        return handle
    }

    /// Removes an entry; returns false if it already fired or was cancelled.
    @discardableResult
    mutating func cancel(_ handle: Handle) -> Bool {
        guard let index = positions.removeValue(forKey: handle) else { return false }
        let last = heap.count - 1
        if index != last {
            heap.swapAt(index, last)
            positions[heap[index].handle] = index
        }
        heap.removeLast()
        if index < heap.count {
            siftDown(index)
            siftUp(index)
        }
        return true
    }

    /// Removes and returns the earliest entry's action if it is due at `now`.
    mutating func popDue(now: UInt64) -> (() -> Void)? {
        guard let first = heap.first, first.deadline <= now else { return nil }
        cancel(first.handle)
        return first.action
    }

    mutating func removeAll() {
        heap.removeAll()
        positions.removeAll()
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        let lhs = heap[a], rhs = heap[b]
        return lhs.deadline < rhs.deadline || (lhs.deadline == rhs.deadline && lhs.handle < rhs.handle)
    }

    private mutating func swapEntries(_ a: Int, _ b: Int) {
        heap.swapAt(a, b)
        positions[heap[a].handle] = a
        positions[heap[b].handle] = b
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { return }
            swapEntries(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count, less(left, smallest) { smallest = left }
            if right < heap.count, less(right, smallest) { smallest = right }
            guard smallest != parent else { return }
            swapEntries(parent, smallest)
            parent = smallest
        }
    }
}
