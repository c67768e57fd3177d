// The progress line of `classify` on a terminal's standard error: records, records per second, and — when the
// input size is known — percentage and time left. Redrawn a few times per second, cleared at the end.
import UIMRouter
#if canImport(Glibc)
import Glibc
#endif

final class ProgressLine {
    private let totalBytes: Int?
    private let enabled: Bool
    private let started: Double
    private var lastDrawn = 0.0
    private var shown = false

    init(totalBytes: Int?, enabled: Bool) {
        self.totalBytes = totalBytes
        self.enabled = enabled
        started = Self.now()
    }

    func update(_ progress: ClassificationProgress) {
        guard enabled else { return }
        let now = Self.now()
        guard now - lastDrawn >= 0.25 else { return }
        lastDrawn = now
        let elapsed = max(now - started, 0.001)
        var text = "\r\(Self.grouped(progress.records)) records  \(Self.grouped(Int(Double(progress.records) / elapsed)))/s"
        if let totalBytes, totalBytes > 0, progress.bytesRead > 0 {
            let fraction = min(1, Double(progress.bytesRead) / Double(totalBytes))
            text += "  \(Int(fraction * 100)) %"
            let left = Int(elapsed * (1 - fraction) / fraction)
            text += "  \(left / 60):" + (left % 60 < 10 ? "0" : "") + "\(left % 60) left"
        }
        write(text + "\u{1B}[K")
        shown = true
    }

    func clear() {
        if shown { write("\r\u{1B}[K") }
        shown = false
    }

    private func write(_ text: String) {
        var copy = text
        _ = copy.withUTF8 { Glibc.write(2, $0.baseAddress, $0.count) }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (k, digit) in digits.enumerated() {
            if k > 0, (digits.count - k) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
