import ArgumentParser
import Foundation

/// An example app on disk: a folder with `index.js` and an optional `app.json` naming it.
struct ScriptApp {
    let name: String
    let directory: URL
    let source: String

    init(directory: URL) throws {
        let entry = directory.appendingPathComponent("index.js")
        guard let source = try? String(contentsOf: entry, encoding: .utf8) else {
            throw ValidationError("\(directory.path) has no readable index.js")
        }
        self.directory = directory
        self.source = source
        let manifest = directory.appendingPathComponent("app.json")
        if let data = try? Data(contentsOf: manifest),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let name = object["name"] as? String
        {
            self.name = name
        } else {
            self.name = directory.lastPathComponent
        }
    }
}
