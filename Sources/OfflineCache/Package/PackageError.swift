/// Why a package, manifest or store operation was refused. Every bad input has its own case
/// so hosts (and tests) can tell exactly what was wrong.
///
/// A small extensible struct (the model is NIO's `FileSystemError`): match on ``code`` (stable
/// across releases; new codes may be added without breaking a host's `switch`), read
/// ``message`` for people and ``underlyingError`` for the cause (an I/O or network error),
/// when there is one. The static functions named like the codes build each kind.
public struct PackageError: CodedError, Sendable, Hashable {
    public static let domain = "package"

    /// The failure with its facts (internal: hosts match on ``code``).
    package let details: Details
    public let underlyingError: (any Error)?

    package init(_ details: Details, cause: (any Error)? = nil) {
        self.details = details
        self.underlyingError = cause
    }

    public var code: ErrorCode<PackageError> { ErrorCode(details.name) }
    public var message: String { details.description }

    /// Equal when code and facts are equal (causes are not compared).
    public static func == (lhs: PackageError, rhs: PackageError) -> Bool { lhs.details == rhs.details }

    public func hash(into hasher: inout Hasher) { hasher.combine(details) }

    /// A `package.invalidAppID` failure.
    public static func invalidAppID(_ value: String) -> PackageError {
        PackageError(.invalidAppID(value))
    }
    /// A `package.invalidVersion` failure.
    public static func invalidVersion(_ value: String) -> PackageError {
        PackageError(.invalidVersion(value))
    }
    /// A `package.unreadableFile` failure.
    public static func unreadableFile(path: String, reason: String, cause: (any Error)? = nil) -> PackageError {
        PackageError(.unreadableFile(path: path, reason: reason), cause: cause)
    }
    /// A `package.notAZipArchive` failure.
    public static func notAZipArchive(reason: String, cause: (any Error)? = nil) -> PackageError {
        PackageError(.notAZipArchive(reason: reason), cause: cause)
    }
    /// A `package.notARegularFile` failure.
    public static func notARegularFile(path: String, kind: String) -> PackageError {
        PackageError(.notARegularFile(path: path, kind: kind))
    }
    /// A `package.unsafeEntryPath` failure.
    public static func unsafeEntryPath(entry: String, problem: PackagePath.Problem) -> PackageError {
        PackageError(.unsafeEntryPath(entry: entry, problem: problem))
    }
    /// A `package.symlinkEntry` failure.
    public static func symlinkEntry(_ value: String) -> PackageError {
        PackageError(.symlinkEntry(value))
    }
    /// A `package.duplicateEntry` failure.
    public static func duplicateEntry(_ value: String) -> PackageError {
        PackageError(.duplicateEntry(value))
    }
    /// A `package.collidingEntries` failure.
    public static func collidingEntries(_ value0: String, _ value1: String) -> PackageError {
        PackageError(.collidingEntries(value0, value1))
    }
    /// A `package.tooManyEntries` failure.
    public static func tooManyEntries(count: Int, limit: Int) -> PackageError {
        PackageError(.tooManyEntries(count: count, limit: limit))
    }
    /// A `package.entryTooLarge` failure.
    public static func entryTooLarge(entry: String, bytes: Int64, limit: Int64) -> PackageError {
        PackageError(.entryTooLarge(entry: entry, bytes: bytes, limit: limit))
    }
    /// A `package.packageTooLarge` failure.
    public static func packageTooLarge(bytes: Int64, limit: Int64) -> PackageError {
        PackageError(.packageTooLarge(bytes: bytes, limit: limit))
    }
    /// A `package.suspiciousCompressionRatio` failure.
    public static func suspiciousCompressionRatio(entry: String, ratio: Int64, limit: Int64) -> PackageError {
        PackageError(.suspiciousCompressionRatio(entry: entry, ratio: ratio, limit: limit))
    }
    /// A `package.corruptEntry` failure.
    public static func corruptEntry(entry: String, reason: String, cause: (any Error)? = nil) -> PackageError {
        PackageError(.corruptEntry(entry: entry, reason: reason), cause: cause)
    }
    /// A `package.missingManifest` failure.
    public static var missingManifest: PackageError { PackageError(.missingManifest) }
    /// A `package.manifestTooLarge` failure.
    public static func manifestTooLarge(bytes: Int, limit: Int) -> PackageError {
        PackageError(.manifestTooLarge(bytes: bytes, limit: limit))
    }
    /// A `package.invalidManifest` failure.
    public static func invalidManifest(_ value: String, cause: (any Error)? = nil) -> PackageError {
        PackageError(.invalidManifest(value), cause: cause)
    }
    /// A `package.missingSignature` failure.
    public static var missingSignature: PackageError { PackageError(.missingSignature) }
    /// A `package.invalidSignatureFile` failure.
    public static func invalidSignatureFile(_ value: String) -> PackageError {
        PackageError(.invalidSignatureFile(value))
    }
    /// A `package.unknownSigner` failure.
    public static func unknownSigner(keyID: String) -> PackageError {
        PackageError(.unknownSigner(keyID: keyID))
    }
    /// A `package.badSignature` failure.
    public static func badSignature(keyID: String) -> PackageError {
        PackageError(.badSignature(keyID: keyID))
    }
    /// A `package.unsignedPackageRefused` failure.
    public static var unsignedPackageRefused: PackageError { PackageError(.unsignedPackageRefused) }
    /// A `package.hashMismatch` failure.
    public static func hashMismatch(path: String, expected: String, actual: String) -> PackageError {
        PackageError(.hashMismatch(path: path, expected: expected, actual: actual))
    }
    /// A `package.unlistedFile` failure.
    public static func unlistedFile(_ value: String) -> PackageError {
        PackageError(.unlistedFile(value))
    }
    /// A `package.missingFile` failure.
    public static func missingFile(_ value: String) -> PackageError {
        PackageError(.missingFile(value))
    }
    /// A `package.appIDMismatch` failure.
    public static func appIDMismatch(expected: AppID, found: AppID) -> PackageError {
        PackageError(.appIDMismatch(expected: expected, found: found))
    }
    /// A `package.versionMismatch` failure.
    public static func versionMismatch(expected: PackageVersion, found: PackageVersion) -> PackageError {
        PackageError(.versionMismatch(expected: expected, found: found))
    }
    /// A `package.downgradeRefused` failure.
    public static func downgradeRefused(appID: AppID, installed: PackageVersion, offered: PackageVersion) -> PackageError {
        PackageError(.downgradeRefused(appID: appID, installed: installed, offered: offered))
    }
    /// A `package.versionAlreadyInstalled` failure.
    public static func versionAlreadyInstalled(appID: AppID, version: PackageVersion) -> PackageError {
        PackageError(.versionAlreadyInstalled(appID: appID, version: version))
    }
    /// A `package.notInstalled` failure.
    public static func notInstalled(_ value: AppID) -> PackageError {
        PackageError(.notInstalled(value))
    }
    /// A `package.versionNotInstalled` failure.
    public static func versionNotInstalled(appID: AppID, version: PackageVersion) -> PackageError {
        PackageError(.versionNotInstalled(appID: appID, version: version))
    }
    /// A `package.nothingToRollBackTo` failure.
    public static func nothingToRollBackTo(_ value: AppID) -> PackageError {
        PackageError(.nothingToRollBackTo(value))
    }
    /// A `package.storeIO` failure.
    public static func storeIO(operation: String, path: String, reason: String, cause: (any Error)? = nil) -> PackageError {
        PackageError(.storeIO(operation: operation, path: path, reason: reason), cause: cause)
    }

    package enum Details: Sendable, Hashable, CustomStringConvertible {
        // Identity
        case invalidAppID(String)
        case invalidVersion(String)

        // The zip container
        case unreadableFile(path: String, reason: String)
        case notAZipArchive(reason: String)
        /// Something other than a regular file where a package file is expected (`kind`: "a
        /// directory", "a FIFO", "a character device", …).
        case notARegularFile(path: String, kind: String)
        case unsafeEntryPath(entry: String, problem: PackagePath.Problem)
        case symlinkEntry(String)
        case duplicateEntry(String)
        case collidingEntries(String, String)
        case tooManyEntries(count: Int, limit: Int)
        case entryTooLarge(entry: String, bytes: Int64, limit: Int64)
        case packageTooLarge(bytes: Int64, limit: Int64)
        case suspiciousCompressionRatio(entry: String, ratio: Int64, limit: Int64)
        case corruptEntry(entry: String, reason: String)

        // Manifest and signature
        case missingManifest
        case manifestTooLarge(bytes: Int, limit: Int)
        case invalidManifest(String)
        case missingSignature
        case invalidSignatureFile(String)
        case unknownSigner(keyID: String)
        case badSignature(keyID: String)
        case unsignedPackageRefused

        // Contents against the manifest
        case hashMismatch(path: String, expected: String, actual: String)
        case unlistedFile(String)
        case missingFile(String)

        // Store rules
        case appIDMismatch(expected: AppID, found: AppID)
        case versionMismatch(expected: PackageVersion, found: PackageVersion)
        case downgradeRefused(appID: AppID, installed: PackageVersion, offered: PackageVersion)
        case versionAlreadyInstalled(appID: AppID, version: PackageVersion)
        case notInstalled(AppID)
        case versionNotInstalled(appID: AppID, version: PackageVersion)
        case nothingToRollBackTo(AppID)
        case storeIO(operation: String, path: String, reason: String)

        package var description: String {
            switch self {
            case .invalidAppID(let value): return "invalid appId \"\(value)\" (allowed: [A-Za-z0-9._-]{1,64}, not starting with '.')"
            case .invalidVersion(let value): return "invalid version \"\(value)\" (1 to 4 dot-separated numbers, no leading zeros)"
            case .unreadableFile(let path, let reason): return "cannot read \(path): \(reason)"
            case .notAZipArchive(let reason): return "not a valid zip archive: \(reason)"
            case .notARegularFile(let path, let kind): return "\(path) is \(kind), not a package file"
            case .unsafeEntryPath(let entry, let problem): return "entry path \"\(entry)\" \(problem.rawValue)"
            case .symlinkEntry(let entry): return "entry \"\(entry)\" is a symbolic link; packages may hold regular files only"
            case .duplicateEntry(let entry): return "entry \"\(entry)\" appears more than once"
            case .collidingEntries(let first, let second):
                return "entries \"\(first)\" and \"\(second)\" collide (same name ignoring case or Unicode normalization)"
            case .tooManyEntries(let count, let limit): return "package has \(count) entries; the limit is \(limit)"
            case .entryTooLarge(let entry, let bytes, let limit):
                return "entry \"\(entry)\" is \(bytes) bytes uncompressed; the limit is \(limit)"
            case .packageTooLarge(let bytes, let limit): return "package expands to \(bytes) bytes; the limit is \(limit)"
            case .suspiciousCompressionRatio(let entry, let ratio, let limit):
                return "entry \"\(entry)\" compresses \(ratio):1 (limit \(limit):1); refusing a possible zip bomb"
            case .corruptEntry(let entry, let reason): return "entry \"\(entry)\" cannot be read: \(reason)"
            case .missingManifest: return "package has no manifest.json"
            case .manifestTooLarge(let bytes, let limit): return "manifest.json is \(bytes) bytes; the limit is \(limit)"
            case .invalidManifest(let reason): return "invalid manifest.json: \(reason)"
            case .missingSignature: return "package has no manifest.sig"
            case .invalidSignatureFile(let reason): return "invalid manifest.sig: \(reason)"
            case .unknownSigner(let keyID): return "package is signed by key \(keyID), which is not trusted"
            case .badSignature(let keyID):
                return "manifest.sig does not verify with key \(keyID): the manifest was altered or the signature forged"
            case .unsignedPackageRefused: return "package is unsigned; unsigned packages load only in developer mode"
            case .hashMismatch(let path, let expected, let actual): return "\(path) has SHA-256 \(actual), the manifest says \(expected)"
            case .unlistedFile(let path): return "\(path) is in the package but not listed in manifest.files"
            case .missingFile(let path): return "\(path) is listed in manifest.files but missing from the package"
            case .appIDMismatch(let expected, let found): return "expected a package of \(expected), got one of \(found)"
            case .versionMismatch(let expected, let found): return "expected version \(expected), got \(found)"
            case .downgradeRefused(let appID, let installed, let offered):
                return "\(appID) \(installed) is installed; refusing to downgrade to \(offered)"
            case .versionAlreadyInstalled(let appID, let version): return "\(appID) \(version) is already installed"
            case .notInstalled(let appID): return "\(appID) is not installed"
            case .versionNotInstalled(let appID, let version): return "\(appID) \(version) is not installed"
            case .nothingToRollBackTo(let appID): return "\(appID) has no earlier version to roll back to"
            case .storeIO(let operation, let path, let reason): return "package store could not \(operation) \(path): \(reason)"
            }
        }
    }
}

extension PackageError.Details {
    /// The case name, the last part of the code.
    package var name: String {
        switch self {
        case .invalidAppID: return "invalidAppID"
        case .invalidVersion: return "invalidVersion"
        case .unreadableFile: return "unreadableFile"
        case .notAZipArchive: return "notAZipArchive"
        case .notARegularFile: return "notARegularFile"
        case .unsafeEntryPath: return "unsafeEntryPath"
        case .symlinkEntry: return "symlinkEntry"
        case .duplicateEntry: return "duplicateEntry"
        case .collidingEntries: return "collidingEntries"
        case .tooManyEntries: return "tooManyEntries"
        case .entryTooLarge: return "entryTooLarge"
        case .packageTooLarge: return "packageTooLarge"
        case .suspiciousCompressionRatio: return "suspiciousCompressionRatio"
        case .corruptEntry: return "corruptEntry"
        case .missingManifest: return "missingManifest"
        case .manifestTooLarge: return "manifestTooLarge"
        case .invalidManifest: return "invalidManifest"
        case .missingSignature: return "missingSignature"
        case .invalidSignatureFile: return "invalidSignatureFile"
        case .unknownSigner: return "unknownSigner"
        case .badSignature: return "badSignature"
        case .unsignedPackageRefused: return "unsignedPackageRefused"
        case .hashMismatch: return "hashMismatch"
        case .unlistedFile: return "unlistedFile"
        case .missingFile: return "missingFile"
        case .appIDMismatch: return "appIDMismatch"
        case .versionMismatch: return "versionMismatch"
        case .downgradeRefused: return "downgradeRefused"
        case .versionAlreadyInstalled: return "versionAlreadyInstalled"
        case .notInstalled: return "notInstalled"
        case .versionNotInstalled: return "versionNotInstalled"
        case .nothingToRollBackTo: return "nothingToRollBackTo"
        case .storeIO: return "storeIO"
        }
    }
}

extension ErrorCode where Domain == PackageError {
    /// `package.invalidAppID`
    public static let invalidAppID = ErrorCode("invalidAppID")
    /// `package.invalidVersion`
    public static let invalidVersion = ErrorCode("invalidVersion")
    /// `package.unreadableFile`
    public static let unreadableFile = ErrorCode("unreadableFile")
    /// `package.notAZipArchive`
    public static let notAZipArchive = ErrorCode("notAZipArchive")
    /// `package.notARegularFile`
    public static let notARegularFile = ErrorCode("notARegularFile")
    /// `package.unsafeEntryPath`
    public static let unsafeEntryPath = ErrorCode("unsafeEntryPath")
    /// `package.symlinkEntry`
    public static let symlinkEntry = ErrorCode("symlinkEntry")
    /// `package.duplicateEntry`
    public static let duplicateEntry = ErrorCode("duplicateEntry")
    /// `package.collidingEntries`
    public static let collidingEntries = ErrorCode("collidingEntries")
    /// `package.tooManyEntries`
    public static let tooManyEntries = ErrorCode("tooManyEntries")
    /// `package.entryTooLarge`
    public static let entryTooLarge = ErrorCode("entryTooLarge")
    /// `package.packageTooLarge`
    public static let packageTooLarge = ErrorCode("packageTooLarge")
    /// `package.suspiciousCompressionRatio`
    public static let suspiciousCompressionRatio = ErrorCode("suspiciousCompressionRatio")
    /// `package.corruptEntry`
    public static let corruptEntry = ErrorCode("corruptEntry")
    /// `package.missingManifest`
    public static let missingManifest = ErrorCode("missingManifest")
    /// `package.manifestTooLarge`
    public static let manifestTooLarge = ErrorCode("manifestTooLarge")
    /// `package.invalidManifest`
    public static let invalidManifest = ErrorCode("invalidManifest")
    /// `package.missingSignature`
    public static let missingSignature = ErrorCode("missingSignature")
    /// `package.invalidSignatureFile`
    public static let invalidSignatureFile = ErrorCode("invalidSignatureFile")
    /// `package.unknownSigner`
    public static let unknownSigner = ErrorCode("unknownSigner")
    /// `package.badSignature`
    public static let badSignature = ErrorCode("badSignature")
    /// `package.unsignedPackageRefused`
    public static let unsignedPackageRefused = ErrorCode("unsignedPackageRefused")
    /// `package.hashMismatch`
    public static let hashMismatch = ErrorCode("hashMismatch")
    /// `package.unlistedFile`
    public static let unlistedFile = ErrorCode("unlistedFile")
    /// `package.missingFile`
    public static let missingFile = ErrorCode("missingFile")
    /// `package.appIDMismatch`
    public static let appIDMismatch = ErrorCode("appIDMismatch")
    /// `package.versionMismatch`
    public static let versionMismatch = ErrorCode("versionMismatch")
    /// `package.downgradeRefused`
    public static let downgradeRefused = ErrorCode("downgradeRefused")
    /// `package.versionAlreadyInstalled`
    public static let versionAlreadyInstalled = ErrorCode("versionAlreadyInstalled")
    /// `package.notInstalled`
    public static let notInstalled = ErrorCode("notInstalled")
    /// `package.versionNotInstalled`
    public static let versionNotInstalled = ErrorCode("versionNotInstalled")
    /// `package.nothingToRollBackTo`
    public static let nothingToRollBackTo = ErrorCode("nothingToRollBackTo")
    /// `package.storeIO`
    public static let storeIO = ErrorCode("storeIO")
}
