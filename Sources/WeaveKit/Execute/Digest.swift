import Foundation

/// A 128-bit fingerprint of bytes (two 64-bit FNV-1a style lanes over 8-byte words), for
/// telling whether a file changed or was damaged. Not cryptographic: it guards against
/// accidents, not against someone forging a file in the cache.
enum Digest {
    static func of(_ data: Data) -> String {
        var a: UInt64 = 0xCBF2_9CE4_8422_2325, b: UInt64 = 0x8422_2325_CBF2_9CE4
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            let words = bytes.count / 8
            for k in 0..<words {
                let word = bytes.loadUnaligned(fromByteOffset: k * 8, as: UInt64.self)
                a = (a ^ word) &* 0x0000_0100_0000_01B3
                b = (b ^ (word &+ UInt64(truncatingIfNeeded: k))) &* 0x9E37_79B9_7F4A_7C15
            }
            for k in (words * 8)..<bytes.count {
                a = (a ^ UInt64(bytes[k])) &* 0x0000_0100_0000_01B3
                b = (b ^ UInt64(bytes[k])) &* 0x9E37_79B9_7F4A_7C15
            }
        }
        return "\(data.count):" + String(a, radix: 16).leftPadded(to: 16) + String(b, radix: 16).leftPadded(to: 16)
    }
}
