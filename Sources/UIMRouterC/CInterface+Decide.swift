// The calls a router host makes per UIM, declared in include/uim_router.h: uim_router_decide (status and Party, no
// JSON, no allocation), uim_router_route_batch (many UIMs, JSON lines, one call) and uim_router_version.
// UIMs are length-delimited (any bytes, NUL included); dates are read in place (CDate.swift).
import UIMRouter

/// The return codes and statuses of uim_router.h, as its #defines spell them.
enum CCode {
    static let ok: Int32 = 0
    static let error: Int32 = -1
    static let badDate: Int32 = -2
    static let bufferTooSmall: Int32 = -3

    static func status(_ status: RouteStatus) -> Int32 {
        switch status {
        case .routed: 1
        case .ambiguous: 2
        case .unrouted: 3
        case .invalid: 4
        }
    }
}

/// UIM_ROUTER_VERSION_STRING of uim_router.h (Tests/CInterface checks that the two agree), NUL-terminated.
private let versionText: StaticString = "0.1.0\0"

/// `uim_router_version` of uim_router.h.
@_cdecl("uim_router_version")
public func uim_router_version() -> UnsafePointer<CChar> {
    UnsafeRawPointer(versionText.utf8Start).assumingMemoryBound(to: CChar.self)
}

/// `length` bytes at `start` as a buffer; nil when they cannot be read (NULL with a length, or a length past Int).
@inline(__always)
private func bytes(_ start: UnsafePointer<CChar>?, _ length: Int) -> UnsafeBufferPointer<UInt8>? {
    guard length >= 0, start != nil || length == 0 else { return nil }
    return UnsafeBufferPointer(start: UnsafeRawPointer(start)?.assumingMemoryBound(to: UInt8.self), count: length)
}

/// `uim_router_decide` of uim_router.h: the status and the routed Party of one UIM.
@_cdecl("uim_router_decide")
public func uim_router_decide(_ pointer: OpaquePointer?, _ uim: UnsafePointer<CChar>?, _ length: Int,
                              _ date: UnsafePointer<CChar>?, _ status: UnsafeMutablePointer<Int32>?,
                              _ party: UnsafeMutablePointer<CChar>?, _ partyCapacity: Int) -> Int32 {
    guard let handle = handle(pointer), let status, let input = bytes(uim, length) else { return CCode.error }
    guard let day = CDate.day(date) else { return CCode.badDate }
    let decision = handle.withContext { $0.context.decide(utf8: input, on: day) }
    status.pointee = CCode.status(decision.status)
    guard let party else { return CCode.ok }
    guard var code = decision.party else {
        if partyCapacity > 0 { party[0] = 0 }
        return CCode.ok
    }
    return code.withUTF8 { text in
        guard text.count < partyCapacity else {
            if partyCapacity > 0 { party[0] = 0 }
            return CCode.bufferTooSmall
        }
        UnsafeMutableRawPointer(party).copyMemory(from: text.baseAddress!, byteCount: text.count)
        party[text.count] = 0
        return CCode.ok
    }
}

/// `uim_router_route_batch` of uim_router.h: JSON lines for many UIMs, whole lines only, in input order.
@_cdecl("uim_router_route_batch")
public func uim_router_route_batch(_ pointer: OpaquePointer?, _ uims: UnsafePointer<UnsafePointer<CChar>?>?,
                                   _ lengths: UnsafePointer<Int>?, _ count: Int, _ date: UnsafePointer<CChar>?,
                                   _ buffer: UnsafeMutablePointer<CChar>?, _ capacity: Int,
                                   _ written: UnsafeMutablePointer<Int>?) -> Int {
    guard let handle = handle(pointer), let written, count >= 0, capacity >= 0, buffer != nil || capacity == 0,
          (uims != nil && lengths != nil) || count == 0
    else { return Int(CCode.error) }
    // Every input is checked before any is routed, so a bad call routes nothing.
    for k in 0..<count where bytes(uims![k], lengths![k]) == nil { return Int(CCode.error) }
    guard let day = CDate.day(date) else { return Int(CCode.badDate) }
    written.pointee = 0
    guard count > 0 else { return 0 }
    let out = UnsafeMutableRawPointer(buffer)
    // One context for the whole batch: one pool round trip, however many UIMs.
    return handle.withContext { box in
        var used = 0
        for k in 0..<count {
            let input = bytes(uims![k], lengths![k])!
            box.json.bytes.removeAll(keepingCapacity: true)
            box.context.route(utf8: input, on: day).writeJSON(to: &box.json)
            box.json.bytes.append(UInt8(ascii: "\n"))
            let line = box.json.bytes.count
            guard used + line <= capacity, let out else {
                // Whole lines only: the caller goes on from UIM k, or (k == 0) learns the size the line needs.
                written.pointee = k == 0 ? line : used
                return k == 0 ? Int(CCode.bufferTooSmall) : k
            }
            box.json.bytes.withUnsafeBytes { (out + used).copyMemory(from: $0.baseAddress!, byteCount: line) }
            used += line
        }
        written.pointee = used
        return count
    }
}
