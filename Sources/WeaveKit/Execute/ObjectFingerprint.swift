import Foundation

/// A fingerprint of what an object file does, not of where its source lines were.
///
/// SwiftPM compiles release builds with debug info, so a comment that shifts a line changes
/// the object's DWARF sections (and the module hash beside them) but not its code or data.
/// Hashing an ELF object section by section, leaving out those, lets a comment-only edit keep
/// every chapter's cached result. Anything that is not a well-formed ELF64 file is hashed
/// whole, which is never wrong, only less forgiving.
enum ObjectFingerprint {
    /// Sections that hold only debug information or its bookkeeping.
    static func isDebugOnly(_ name: String) -> Bool {
        name.hasPrefix(".debug") || name.hasPrefix(".rela.debug") || name == ".swift_modhash"
    }

    /// The bytes that matter: every section's name and contents but the debug-only ones.
    static func significantBytes(of data: Data) -> Data {
        let bytes = [UInt8](data)
        guard let sections = sections(of: bytes) else { return data }
        var out = Data()
        for section in sections where !isDebugOnly(section.name) {
            out.append(contentsOf: Array(section.name.utf8) + [0])
            out.append(contentsOf: bytes[section.range])
        }
        return out
    }

    struct Section { var name: String; var range: Range<Int> }

    /// The sections of a little-endian ELF64 file, or nil when it is not one or is truncated.
    static func sections(of b: [UInt8]) -> [Section]? {
        guard b.count >= 64, b[0] == 0x7F, b[1] == 0x45, b[2] == 0x4C, b[3] == 0x46, b[4] == 2, b[5] == 1 else { return nil }
        func integer(_ offset: Int, _ width: Int) -> Int? {
            guard offset >= 0, offset + width <= b.count else { return nil }
            var value = 0
            for k in (0..<width).reversed() { value = value << 8 | Int(b[offset + k]) }
            return value
        }
        // Every offset and size is checked against the file's length before any arithmetic, so a
        // damaged object (fields near Int.max) is hashed whole instead of trapping.
        guard let table = integer(0x28, 8), let count = integer(0x3C, 2), let names = integer(0x3E, 2), names < count,
              table < b.count, count <= (b.count - table) / 64
        else { return nil }
        func header(_ k: Int) -> (name: Int, type: Int, offset: Int, size: Int)? {
            let at = table + 64 * k
            guard let name = integer(at, 4), let type = integer(at + 4, 4), let offset = integer(at + 0x18, 8),
                  let size = integer(at + 0x20, 8) else { return nil }
            return (name, type, offset, size)
        }
        guard let strings = header(names), strings.offset < b.count else { return nil }
        var result: [Section] = []
        for k in 0..<count {
            guard let h = header(k) else { return nil }
            guard h.name < b.count else { return nil }
            let start = strings.offset + h.name
            guard start >= 0, start < b.count, let end = b[start...].firstIndex(of: 0) else { return nil }
            let name = String(decoding: b[start..<end], as: UTF8.self)
            // SHT_NOBITS (.bss) occupies no bytes in the file: its size alone is its content.
            guard h.type == 8 || (h.offset <= b.count && h.size <= b.count - h.offset) else { return nil }
            let range = h.type == 8 ? 0..<0 : h.offset..<(h.offset + h.size)
            result.append(Section(name: h.type == 8 ? "\(name) \(h.size)" : name, range: range))
        }
        return result
    }
}
