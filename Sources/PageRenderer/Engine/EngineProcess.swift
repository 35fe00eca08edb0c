// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Why the page engine could not draw.
public enum PageEngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No browser engine is installed (`scripts/setup.sh pictures` installs Debian's `chromium`).
    case notInstalled(String)
    /// The engine's process could not be started.
    case launchFailed(String)
    /// The engine's process ended (crashed or was killed) while we waited for it.
    case exited(String)
    /// The engine did not answer `method` within the deadline; its process was stopped.
    case timedOut(method: String, after: Duration)
    /// The engine answered with an error.
    case protocolError(method: String, message: String)
    /// The engine is shut down.
    case shutDown

    public var description: String {
        switch self {
        case .notInstalled(let detail): "no page engine installed: \(detail)"
        case .launchFailed(let detail): "the page engine did not start: \(detail)"
        case .exited(let detail): "the page engine exited: \(detail)"
        case .timedOut(let method, let after): "the page engine did not answer \(method) within \(after)"
        case .protocolError(let method, let message): "the page engine refused \(method): \(message)"
        case .shutDown: "the page engine is shut down"
        }
    }
}

/// A headless Chromium process speaking the DevTools protocol over two pipes
/// (`--remote-debugging-pipe`: it reads commands on its fd 3 and writes on fd 4), so no port
/// is opened and nothing else on the machine can talk to it.
///
/// `@unchecked Sendable`: the process id and descriptors are set once in `init`; `stop()` may be
/// called from any thread and is guarded by `lock`.
final class EngineProcess: @unchecked Sendable {
    let pid: pid_t
    /// We write commands here (the engine's fd 3).
    let commands: Int32
    /// We read answers and events here (the engine's fd 4).
    let answers: Int32
    let profile: URL
    private let lock = NSLock()
    private var stopped = false

    /// The engine's executable: `$HC_CHROMIUM`, or the first of Debian's names found on PATH.
    static func executable() throws -> String {
        if let configured = ProcessInfo.processInfo.environment["HC_CHROMIUM"], !configured.isEmpty { return configured }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-headless-shell", "chromium-browser", "google-chrome"] {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if access(candidate, X_OK) == 0 { return candidate }
            }
        }
        throw PageEngineError.notInstalled("none of chromium, chromium-headless-shell on PATH (apt-get install chromium)")
    }

    init(executable: String) throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("hc-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var toEngine: [Int32] = [0, 0]
        var fromEngine: [Int32] = [0, 0]
        // Close-on-exec, so no other child of the host inherits them (Glibc's `pipe2` is not
        // exported to Swift; the window between `pipe` and `fcntl` is a few instructions).
        guard pipe(&toEngine) == 0, pipe(&fromEngine) == 0 else {
            throw PageEngineError.launchFailed("pipe: \(String(cString: strerror(errno)))")
        }
        for fd in toEngine + fromEngine { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, toEngine[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromEngine[1], 4)
        let arguments = [
            executable, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
            "--user-data-dir=\(profile.path)", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
            "--mute-audio", "--disable-extensions", "--disable-background-networking", "--disable-sync",
            "--disable-component-update", "--disable-default-apps", "--font-render-hinting=none",
            "--force-color-profile=srgb", "--allow-file-access-from-files", "about:blank",
        ]
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for argument in cArguments { free(argument) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, &cArguments, environ)
        close(toEngine[0])
        close(fromEngine[1])
        guard status == 0 else {
            close(toEngine[1])
            close(fromEngine[0])
            try? FileManager.default.removeItem(at: profile)
            throw PageEngineError.launchFailed("\(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        commands = toEngine[1]
        answers = fromEngine[0]
    }

    /// Kills the process (if still running), reaps it and removes its profile. Idempotent.
    /// `answers` is closed by its reader when it reads the end (the kill makes sure it does).
    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        close(commands)
        try? FileManager.default.removeItem(at: profile)
    }

    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    deinit { stop() }
}
