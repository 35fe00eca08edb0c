import Synchronization

/// Disables an app that fails N times within a window, for a cool-down (Nebula's circuit
/// breaking of broken apps). Failures are failed launches and crashing hooks.
final class LaunchFuse: Sendable {
    struct Settings: Sendable {
        var threshold: Int
        var window: Duration
        var coolDown: Duration
    }

    private struct Record {
        var failures: [Duration] = []
        var openUntil: Duration?
        var lastReason = ""
    }

    let settings: Settings
    private let time: TimeSource
    private let records = Mutex<[String: Record]>([:])

    init(settings: Settings, time: TimeSource = .continuous) {
        self.settings = settings
        self.time = time
    }

    /// Records a failure; returns true if this one opened the fuse.
    func recordFailure(_ appId: String, reason: String) -> Bool {
        let now = time.now
        return records.withLock { records in
            var record = records[appId] ?? Record()
            record.failures = record.failures.filter { now - $0 < settings.window } + [now]
            record.lastReason = reason
            var opened = false
            if record.failures.count >= settings.threshold, record.openUntil == nil {
                record.openUntil = now + settings.coolDown
                opened = true
            }
            records[appId] = record
            return opened
        }
    }

    /// If the fuse is open: failures and last reason. A fuse past its cool-down closes
    /// (half-open: the next failure opens it again at once).
    func openState(_ appId: String) -> (failures: Int, reason: String)? {
        let now = time.now
        return records.withLock { records in
            guard var record = records[appId], let until = record.openUntil else { return nil }
            if now >= until {
                record.openUntil = nil
                record.failures = Array(repeating: now, count: max(0, settings.threshold - 1))
                records[appId] = record
                return nil
            }
            return (record.failures.count, record.lastReason)
        }
    }

    func recordSuccess(_ appId: String) {
        records.withLock { records in
            if records[appId]?.openUntil == nil { records[appId]?.failures.removeAll() }
        }
    }
}
