// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import Foundation

/// What a mini-program instance's pages are drawn from: its package files (read as its own
/// scripts read them, integrity-checked for installed packages), `app.json` and the device.
public struct PageSource: Sendable {
    /// The instance.
    public let app: AppDescriptor
    /// Its `app.json` facts.
    public let config: MiniProgramConfig
    /// The device the app sees.
    public let device: VirtualDevice
    /// The package's files.
    public let files: (any ModuleSourceProvider)?

    /// Creates a source (hosts and tests; the container makes one per mini-program instance).
    public init(app: AppDescriptor, config: MiniProgramConfig, device: VirtualDevice, files: (any ModuleSourceProvider)?) {
        self.app = app
        self.config = config
        self.device = device
        self.files = files
    }

    /// A file of the package.
    /// - Throws: ``MiniProgramError/noSuchFile(_:)``, what the package's reader throws.
    public func packageFile(_ path: String) throws -> Data {
        guard let files, files.moduleExists(path) else { throw MiniProgramError.noSuchFile(path) }
        return try files.moduleSource(path)
    }

    /// Whether the package has a file at `path`.
    public func packageFileExists(_ path: String) -> Bool { files?.moduleExists(path) ?? false }
}

/// One layout question of a page: the boxes of some of its rendered nodes.
public struct LayoutRequest: Sendable, Hashable {
    /// The app instance.
    public let instanceID: UInt64
    /// The page (``RenderUpdate/pageId``).
    public let pageId: Int
    /// Each target: a node's path in the page's rendered tree (child indexes from the page, as
    /// tree patches address nodes), or nil for the page's viewport.
    public let targets: [[Int]?]
    /// Computed-style properties to read for each target (`backgroundColor`, `margin-top`).
    public let computedStyle: [String]

    /// Creates a request.
    public init(instanceID: UInt64, pageId: Int, targets: [[Int]?], computedStyle: [String] = []) {
        self.instanceID = instanceID
        self.pageId = pageId
        self.targets = targets
        self.computedStyle = computedStyle
    }
}

/// A node's box as a layout engine drew it: CSS pixels, relative to the page's viewport (the
/// area below the navigation bar), with its scroll offsets and the computed styles asked for.
public struct LayoutBox: Sendable, Hashable, Codable {
    public var left: Double
    public var top: Double
    public var width: Double
    public var height: Double
    public var scrollLeft: Double
    public var scrollTop: Double
    public var scrollWidth: Double
    public var scrollHeight: Double
    /// By the property name the app asked with.
    public var computedStyle: [String: String]

    public var right: Double { left + width }
    public var bottom: Double { top + height }

    /// Creates a box.
    public init(
        left: Double, top: Double, width: Double, height: Double, scrollLeft: Double = 0, scrollTop: Double = 0,
        scrollWidth: Double = 0, scrollHeight: Double = 0, computedStyle: [String: String] = [:]
    ) {
        self.left = left
        self.top = top
        self.width = width
        self.height = height
        self.scrollLeft = scrollLeft
        self.scrollTop = scrollTop
        self.scrollWidth = scrollWidth
        self.scrollHeight = scrollHeight
        self.computedStyle = computedStyle
    }

    /// The form the framework's queries read (`right`/`bottom` included).
    var json: JSONValue {
        [
            "left": .number(left), "top": .number(top), "right": .number(right), "bottom": .number(bottom),
            "width": .number(width), "height": .number(height), "scrollLeft": .number(scrollLeft),
            "scrollTop": .number(scrollTop), "scrollWidth": .number(scrollWidth), "scrollHeight": .number(scrollHeight),
            "computedStyle": .object(JSONObject(sorting: computedStyle.mapValues(JSONValue.string))),
        ]
    }
}

/// What `canvasToTempFilePath` asks for: a canvas node's pixels as an image file's bytes.
public struct CanvasImageRequest: Sendable, Hashable {
    public enum FileType: String, Sendable, Hashable { case png, jpg }

    /// The app instance.
    public let instanceID: UInt64
    /// The page the canvas is on.
    public let pageId: Int
    /// The canvas node's path in the page's rendered tree.
    public let path: [Int]
    /// The area of the canvas (CSS pixels); nil: from 0,0 / the whole canvas.
    public let x: Double?, y: Double?, width: Double?, height: Double?
    /// The image's size in pixels; nil: the area × the device's pixel ratio.
    public let destWidth: Double?, destHeight: Double?
    public let fileType: FileType
    /// JPEG quality, 0 to 1.
    public let quality: Double?

    /// Creates a request.
    public init(
        instanceID: UInt64, pageId: Int, path: [Int], x: Double? = nil, y: Double? = nil, width: Double? = nil,
        height: Double? = nil, destWidth: Double? = nil, destHeight: Double? = nil, fileType: FileType = .png,
        quality: Double? = nil
    ) {
        self.instanceID = instanceID
        self.pageId = pageId
        self.path = path
        self.x = x
        self.y = y
        self.width = width
        self.height = height
        self.destWidth = destWidth
        self.destHeight = destHeight
        self.fileType = fileType
        self.quality = quality
    }
}

/// A real layout of mini-program pages (PageRenderer's `LivePages` draws them in a browser
/// engine): it hears every render update, is told which instances exist and what their pages
/// are drawn from, and answers `SelectorQuery`, `createIntersectionObserver` and the host's
/// layout questions. Set it as ``MiniProgramOptions/layoutEngine``; without one (the default)
/// queries answer zero-sized boxes and nothing but JavaScriptCore runs.
public protocol PageLayoutEngine: RenderSink {
    /// A mini-program instance is about to run its code: its pages will be drawn from `source`.
    /// Called on the container's executor; be quick.
    func attach(_ source: PageSource)
    /// The instance ended (destroyed, or its launch failed): forget its pages.
    func detach(instanceID: UInt64)
    /// The boxes of `request.targets`, one per target, nil for a node that is not drawn.
    func measure(_ request: LayoutRequest) async throws -> [LayoutBox?]
    /// The pixels of a canvas as drawn from its `canvas` render updates (`canvasToTempFilePath`).
    func canvasImage(_ request: CanvasImageRequest) async throws -> Data
}

extension PageLayoutEngine {
    /// An engine that does not draw canvases refuses.
    public func canvasImage(_ request: CanvasImageRequest) async throws -> Data {
        throw MiniProgramError.unsupported("this layout engine does not draw canvases")
    }
}
