// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Logging

/// A UI call of a mini-program (`showToast`, `showModal`, `alert`, `showActionSheet`,
/// `CanvasContext.fillRect`, …) handed to the host, since the container draws nothing.
public struct UIRequest: Sendable, Hashable {
    /// The calling app.
    public let app: AppDescriptor
    /// The API name (`showModal`), or `Kind.method` for calls on a `create…` object.
    public let api: String
    /// The call's options without callbacks.
    public let params: JSONValue

    /// Creates a request.
    public init(app: AppDescriptor, api: String, params: JSONValue) {
        self.app = app
        self.api = api
        self.params = params
    }
}

/// What the (possibly absent) user did with a UI call.
public enum UIAnswer: Sendable, Hashable {
    /// Shown; nothing to choose (toasts, loading, navigation bar, …).
    case shown
    /// Dismissed or cancelled.
    case dismissed
    /// Confirmed (a modal's OK), with the text typed into a prompt if any.
    case confirmed(inputValue: String?)
    /// An item of an action sheet was picked.
    case selected(index: Int)
}

/// Answers the UI calls of mini-programs for the host (show real UI, drive a test, log).
public protocol MiniProgramUIDelegate: Sendable {
    func present(_ request: UIRequest) async -> UIAnswer
}

/// The default delegate: logs each call and answers like a user who dismisses everything
/// (modals cancelled, action sheets closed, prompts left empty).
public struct DismissingUIDelegate: MiniProgramUIDelegate {
    let logger: Logger

    /// Creates the delegate.
    public init(logger: Logger = Logger(label: "hybrid.ui")) {
        self.logger = logger
    }

    public func present(_ request: UIRequest) async -> UIAnswer {
        logger.info("\(request.app.appId) UI \(request.api) \(request.params)")
        switch request.api {
        case "showModal", "confirm", "prompt", "showActionSheet", "alert": return .dismissed
        default: return .shown
        }
    }
}
