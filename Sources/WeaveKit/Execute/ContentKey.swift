import Foundation

/// A cache key: everything a result depends on, spelled out in full.
///
/// The entry's folder is named by a 64-bit FNV-1a hash of the material, and the material
/// itself is stored in the entry and compared byte for byte before reuse, so a hash
/// collision costs a rebuild, never a stale result.
struct ContentKey: Equatable {
    var material: String

    init(_ parts: [String]) {
        material = parts.map { "\($0.utf8.count):\($0)" }.joined(separator: "\n")
    }

    var hash: String {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in material.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return String(h, radix: 16).leftPadded(to: 16)
    }

    static let fileName = "key"

    /// Whether `directory` is a complete entry for exactly this key.
    func matches(_ directory: URL) -> Bool {
        guard let stored = try? Data(contentsOf: directory.appendingPathComponent(Self.fileName)) else { return false }
        return stored == Data(material.utf8)
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        String(repeating: pad, count: max(width - count, 0)) + self
    }
}
