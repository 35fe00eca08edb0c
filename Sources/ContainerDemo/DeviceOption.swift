// This file is part of HybridContainer. Copyright (c) 2026 the HybridContainer authors.
// SPDX-License-Identifier: Apache-2.0 (see LICENSE)

import ArgumentParser
import Foundation
import HybridContainer

/// `run --device NAME|FILE`: a built-in virtual device by name, or a custom profile's JSON file.
enum DeviceOption {
    static func resolve(_ argument: String?) throws -> VirtualDevice {
        guard let argument else { return .iPhoneSE }
        if let builtIn = VirtualDevice.named(argument) { return builtIn }
        let url = URL(fileURLWithPath: argument)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let names = VirtualDevice.builtIns.map(\.name).joined(separator: ", ")
            throw ValidationError("--device \(argument): neither a built-in device (\(names)) nor a profile file")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw ValidationError("--device \(argument): cannot read the file") }
        do {
            return try VirtualDevice(json: data)
        } catch {
            throw ValidationError("--device \(argument): \(error.description)")
        }
    }
}
