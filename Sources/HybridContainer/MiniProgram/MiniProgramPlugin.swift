// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

/// The container's own JSAPIs behind the mini-program framework: `__hc.render` (sync; page
/// updates to the render sink and the layout engine), `__hc.ui` (async; UI calls to the host's
/// delegate) and `__hc.layout` (async; node boxes from the layout engine).
/// Registered by the container. Framework-only (``BridgeMethod/frameworkPrefix``): app code's
/// `JSBridge.call('__hc.render')` answers "no such API"; only the framework reaches them.
struct MiniProgramPlugin: Plugin {
    let name = "miniprogram"
    let options: MiniProgramOptions
    /// setData, render and navigation spans (nil without a tracer).
    let renderSpans: RenderSpans?

    init(options: MiniProgramOptions, tracing: ContainerTracing = .off) {
        self.options = options
        self.renderSpans = RenderSpans(tracing: tracing)
    }

    struct RenderParams: Decodable {
        /// Reads the framework's positional form, `[pageId, route, kind, json, data, query]`
        /// (every page change makes one: the slots are read without converting property names,
        /// which was most of a lifecycle update's cost); an object is decoded as usual, and
        /// anything malformed fails with the decoder's error.
        static func read(_ call: PluginCall) throws -> RenderParams {
            guard case .array(let slots) = call.params, slots.count == 6, case .number(let id) = slots[0],
                let pageId = Int(exactly: id), case .string(let route) = slots[1], case .string(let name) = slots[2],
                let kind = RenderUpdate.Kind(rawValue: name)
            else { return try call.decode(RenderParams.self) }
            var params = RenderParams(pageId: pageId, route: route, kind: kind, data: nil, json: nil, query: nil)
            switch slots[3] {
            case .string(let json): params.json = json
            case .undefined, .null: break
            default: throw call.reject(.invalidParameters, "render: the JSON slot must be text")
            }
            switch slots[4] {
            case .undefined, .null: break
            case .object: params.data = slots[4]
            default: throw call.reject(.invalidParameters, "render: the data slot must be an object")
            }
            switch slots[5] {
            case .undefined, .null: break
            case .object(let fields):
                var query: [String: String] = [:]
                for (key, field) in fields {
                    guard case .string(let text) = field else {
                        throw call.reject(.invalidParameters, "render: query values must be text")
                    }
                    query[key] = text
                }
                params.query = query
            default: throw call.reject(.invalidParameters, "render: the query slot must be an object")
            }
            return params
        }

        var pageId: Int
        var route: String
        var kind: RenderUpdate.Kind
        /// An object; kept as a value so its key order survives (a Swift dictionary has none).
        var data: JSONValue?
        /// The data as JSON text instead (the framework's usual form, parsed when read).
        var json: String?
        var query: [String: String]?
    }

    struct UIParams: Decodable {
        var api: String
        var params: JSONValue?
    }

    struct LayoutParams: Decodable {
        var pageId: Int
        var targets: [[Int]?]
        var computedStyle: [String]?
    }

    struct CanvasImageParams: Decodable {
        var pageId: Int
        var path: [Int]
        var x, y, width, height, destWidth, destHeight, quality: Double?
        var fileType: String?
    }

    /// The largest canvas image made, in pixels per side.
    static let maximumCanvasImageSide = 8_192.0

    /// The most targets one query may ask for (a `selectAll` over a huge list stays bounded).
    static let maximumLayoutTargets = 10_000

    var methods: [PluginMethod] {
        let sink = options.renderSink
        let delegate = options.uiDelegate
        let layout = options.layoutEngine
        let renderSpans = self.renderSpans
        return [
            .sync(HostNames.renderAPI, permission: nil) { call in
                let params = try RenderParams.read(call)
                let app = call.app.descriptor
                let update = RenderUpdate(
                    instanceID: app.instanceID, appId: app.appId.rawValue, pageId: params.pageId, route: params.route,
                    kind: params.kind,
                    payload: params.json.map { RenderPayload(json: $0) } ?? params.data?.objectValue.map { RenderPayload($0) }
                        ?? .empty,
                    query: params.query ?? [:])
                sink.render(update)
                layout?.render(update)
                renderSpans?.record(update, app: app)
                return .null
            },
            .async(HostNames.layoutAPI, permission: nil) { call in
                let params = try call.decode(LayoutParams.self)
                guard let layout else { throw call.reject(.noSuchAPI, "no layout engine runs") }
                guard params.targets.count <= Self.maximumLayoutTargets else {
                    throw call.reject(.invalidParameters, "a layout query may ask for at most \(Self.maximumLayoutTargets) nodes")
                }
                let request = LayoutRequest(
                    instanceID: call.app.descriptor.instanceID, pageId: params.pageId, targets: params.targets,
                    computedStyle: params.computedStyle ?? [])
                let boxes: [LayoutBox?]
                do {
                    boxes = try await layout.measure(request)
                } catch {
                    throw call.reject(.internalError, "layout: \(error)")
                }
                return ["boxes": .array(boxes.map { $0?.json ?? .null })]
            },
            .async(HostNames.canvasImageAPI, permission: nil) { call in
                let params = try call.decode(CanvasImageParams.self)
                guard let layout else { throw call.reject(.noSuchAPI, "no layout engine runs") }
                for side in [params.width, params.height, params.destWidth, params.destHeight].compactMap({ $0 }) {
                    guard side.isFinite, side > 0, side <= Self.maximumCanvasImageSide else {
                        throw call.reject(.invalidParameters, "canvas image sides must be 1 to \(Int(Self.maximumCanvasImageSide))")
                    }
                }
                let request = CanvasImageRequest(
                    instanceID: call.app.descriptor.instanceID, pageId: params.pageId, path: params.path, x: params.x,
                    y: params.y, width: params.width, height: params.height, destWidth: params.destWidth,
                    destHeight: params.destHeight, fileType: params.fileType == "jpg" ? .jpg : .png, quality: params.quality)
                do {
                    return ["data": .binary(try await layout.canvasImage(request))]
                } catch {
                    throw call.reject(.internalError, "canvas: \(error)")
                }
            },
            .async(HostNames.uiAPI, permission: nil) { call in
                let params = try call.decode(UIParams.self)
                let answer = await delegate.present(UIRequest(app: call.app.descriptor, api: params.api, params: params.params ?? .null))
                switch answer {
                case .shown: return ["outcome": "shown"]
                case .dismissed: return ["outcome": "dismissed"]
                case .confirmed(let text): return ["outcome": "confirmed", "inputValue": text.map(JSONValue.string) ?? .null]
                case .selected(let index): return ["outcome": "selected", "index": .number(Double(index))]
                }
            },
        ]
    }
}
