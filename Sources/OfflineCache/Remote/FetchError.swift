/// Why a network fetch failed. Every case names the URL.
public enum FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    case invalidURL(String)
    case timedOut(url: String, attempts: Int)
    case connectionFailed(url: String, reason: String, attempts: Int)
    case httpStatus(url: String, status: Int, attempts: Int)
    case bodyTooLarge(url: String, limit: Int64)
    case truncatedBody(url: String, expected: Int64, received: Int64)
    case tooManyRedirects(url: String)
    /// A redirect the fetcher's ``HTTPFetcher/RedirectPolicy`` does not follow.
    case redirectRefused(url: String, location: String, reason: String)
    case checksumMismatch(url: String, expected: String, actual: String)
    case sizeMismatch(url: String, expected: Int64, actual: Int64)
    case cancelled(url: String)
    case io(url: String, reason: String)

    public var description: String {
        switch self {
        case .invalidURL(let url): return "invalid URL \(url)"
        case .timedOut(let url, let attempts): return "\(url) timed out (\(attempts) attempt(s))"
        case .connectionFailed(let url, let reason, let attempts): return "cannot reach \(url): \(reason) (\(attempts) attempt(s))"
        case .httpStatus(let url, let status, let attempts): return "\(url) answered HTTP \(status) (\(attempts) attempt(s))"
        case .bodyTooLarge(let url, let limit): return "\(url) sent more than \(limit) bytes"
        case .truncatedBody(let url, let expected, let received): return "\(url) promised \(expected) bytes but sent \(received)"
        case .tooManyRedirects(let url): return "\(url) redirects too often (or in a loop)"
        case .redirectRefused(let url, let location, let reason): return "\(url) redirects to \(location), which is refused: \(reason)"
        case .checksumMismatch(let url, let expected, let actual): return "\(url) has SHA-256 \(actual), expected \(expected)"
        case .sizeMismatch(let url, let expected, let actual): return "\(url) is \(actual) bytes, expected \(expected)"
        case .cancelled(let url): return "fetching \(url) was cancelled"
        case .io(let url, let reason): return "cannot store \(url): \(reason)"
        }
    }

    /// True for failures worth retrying (the network, or the server's momentary state).
    var isTransient: Bool {
        switch self {
        case .timedOut, .connectionFailed, .truncatedBody: return true
        case .httpStatus(_, let status, _): return status >= 500 || status == 429 || status == 408
        default: return false
        }
    }

    /// True when the server could not be reached or did not answer in time.
    public var isNetworkFailure: Bool {
        switch self {
        case .timedOut, .connectionFailed: return true
        default: return false
        }
    }

    func withAttempts(_ attempts: Int) -> FetchError {
        switch self {
        case .timedOut(let url, _): return .timedOut(url: url, attempts: attempts)
        case .connectionFailed(let url, let reason, _): return .connectionFailed(url: url, reason: reason, attempts: attempts)
        case .httpStatus(let url, let status, _): return .httpStatus(url: url, status: status, attempts: attempts)
        default: return self
        }
    }
}
