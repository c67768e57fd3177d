// A JSON value whose objects keep their keys in the order written, printed with two-space indentation: the JSON
// Schema of the registry format is read by people (in the repository and on hover), so its layout is fixed by the
// code that builds it, not by a serializer's key sorting.

/// A JSON value with ordered object members.
package indirect enum SchemaJSON: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case array([SchemaJSON])
    case object([(String, SchemaJSON)])

    package static func == (lhs: SchemaJSON, rhs: SchemaJSON) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return a == b
        case (.integer(let a), .integer(let b)): return a == b
        case (.boolean(let a), .boolean(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// The value as pretty-printed JSON (no final newline): objects one member per line, arrays of scalars on one
    /// line, other arrays one item per line.
    package var prettyPrinted: String {
        var writer = JSONWriter()
        write(to: &writer, indent: 0)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private var isScalar: Bool {
        switch self {
        case .string, .integer, .boolean: return true
        case .array, .object: return false
        }
    }

    private func write(to writer: inout JSONWriter, indent: Int) {
        let inner = [UInt8](repeating: UInt8(ascii: " "), count: indent + 2)
        switch self {
        case .string(let text): writer.string(text)
        case .integer(let value): writer.number(value)
        case .boolean(let value): writer.raw(value ? "true" : "false")
        case .array(let items) where items.allSatisfy(\.isScalar):
            writer.raw("[")
            for (index, item) in items.enumerated() {
                if index > 0 { writer.raw(", ") }
                item.write(to: &writer, indent: indent)
            }
            writer.raw("]")
        case .array(let items):
            writer.raw("[")
            for (index, item) in items.enumerated() {
                writer.raw(index == 0 ? "\n" : ",\n")
                writer.bytes += inner
                item.write(to: &writer, indent: indent + 2)
            }
            writer.raw("\n")
            writer.bytes += inner.dropLast(2)
            writer.raw("]")
        case .object(let members) where members.isEmpty:
            writer.raw("{}")
        case .object(let members):
            writer.raw("{")
            for (index, (key, value)) in members.enumerated() {
                writer.raw(index == 0 ? "\n" : ",\n")
                writer.bytes += inner
                writer.key(key)
                writer.raw(" ")
                value.write(to: &writer, indent: indent + 2)
            }
            writer.raw("\n")
            writer.bytes += inner.dropLast(2)
            writer.raw("}")
        }
    }
}
