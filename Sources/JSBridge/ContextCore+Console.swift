// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import CJavaScriptCore

/// `console.*`: formats arguments like a browser console and hands the line to swift-log
/// and to the host's `onConsole` observer.
extension ContextCore {
    func console(_ level: ConsoleMessage.Level, _ args: NativeFunction.Arguments) {
        if consoleBucket != nil {
            // Over the limit: dropped before any formatting work.
            guard let dropped = consoleBucket?.take() else { return }
            if dropped > 0, let limit = consoleBucket?.limit {
                emitConsole(.warn, "console: \(dropped) line(s) dropped (more than \(JSNumberFormat.string(limit.linesPerSecond))/s)")
            }
        }
        emitConsole(level, formatConsoleArguments(args))
    }

    private func emitConsole(_ level: ConsoleMessage.Level, _ text: String) {
        let message = ConsoleMessage(level: level, text: text, contextName: configuration.name)
        logger.log(level: message.logLevel, "\(text)")
        configuration.onConsole?(message)
    }

    func formatConsoleArguments(_ args: NativeFunction.Arguments) -> String {
        var parts: [String] = []
        var index = 0
        if args.count > 0, JSValueIsString(globalContext, args[0]), let format = try? converter.string(args[0]),
            format.contains("%")
        {
            index = 1
            var output = ""
            var iterator = format.makeIterator()
            while let character = iterator.next() {
                guard character == "%" else {
                    output.append(character)
                    continue
                }
                guard let specifier = iterator.next() else {
                    output.append("%")
                    break
                }
                switch specifier {
                case "%": output.append("%")
                case "s", "d", "i", "f", "o", "O", "j", "c":
                    guard index < args.count else {
                        output += "%\(specifier)"
                        continue
                    }
                    let value = args[index]
                    index += 1
                    switch specifier {
                    case "d", "i":
                        let number = JSValueToNumber(globalContext, value, nil)
                        output += JSNumberFormat.string(number.isFinite ? number.rounded(.towardZero) : number)
                    case "f": output += JSONValue.format(number: JSValueToNumber(globalContext, value, nil))
                    case "c": break
                    case "s": output += renderPlain(value)
                    default: output += render(value)
                    }
                default:
                    output += "%\(specifier)"
                }
            }
            parts.append(output)
        }
        while index < args.count {
            parts.append(renderPlain(args[index]))
            index += 1
        }
        return parts.joined(separator: " ")
    }

    /// Strings as they are, everything else as `render`.
    private func renderPlain(_ value: JSValueRef) -> String {
        if JSValueIsString(globalContext, value) { return (try? converter.string(value)) ?? "" }
        return render(value)
    }

    /// Errors with their stack, functions by name, other values as compact JSON.
    private func render(_ value: JSValueRef) -> String {
        let ctx = globalContext
        if JSValueIsObject(ctx, value), let object = JSValueToObject(ctx, value, nil) {
            if JSObjectIsFunction(ctx, object) {
                let name = (try? converter.string(converter.property(object, runtime.names.name))) ?? ""
                return name.isEmpty ? "[Function (anonymous)]" : "[Function \(name)]"
            }
            if let errorConstructor = try? converter.property(JSContextGetGlobalObject(ctx)!, runtime.names.errorConstructor),
                let constructor = JSValueToObject(ctx, errorConstructor, nil),
                JSValueIsInstanceOfConstructor(ctx, value, constructor, nil)
            {
                let exception = ExceptionReader(ctx: ctx, names: runtime.names).read(value)
                let head = "\(exception.name): \(exception.message)"
                guard let stack = exception.stack else { return head }
                return head + "\n" + stack.split(separator: "\n").map { "    at " + $0 }.joined(separator: "\n")
            }
        }
        if let json = try? converter.jsonValue(value) {
            if case .string(let text) = json { return JSONValue.quote(text) }
            return json.description
        }
        return (try? converter.string(value)) ?? "<unprintable value>"
    }
}
