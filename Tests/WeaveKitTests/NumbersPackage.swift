import Foundation

/// A package of its own, made in a temporary folder: three modules, one depending on another,
/// one on swift-numerics (a C target inside), built by SwiftPM for chapter programs.
struct NumbersPackage {
    let root: URL

    static let manifest = """
        // swift-tools-version:6.0
        import PackageDescription
        let package = Package(
            name: "Numbers",
            products: [.library(name: "Binet", targets: ["Binet"])],
            dependencies: [.package(url: "https://github.com/apple/swift-numerics", from: "1.1.1")],
            targets: [
                .target(name: "Fibonacci"),
                .target(name: "Ratios", dependencies: ["Fibonacci"]),
                .target(name: "Binet", dependencies: [.product(name: "RealModule", package: "swift-numerics")]),
            ]
        )

        """
    static let fibonacci = "public func fibonacci(_ n: Int) -> Int { n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2) }\n"

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("weave-numbers-\(UUID().uuidString)")
        try write("Package.swift", Self.manifest)
        try write("Sources/Fibonacci/Fibonacci.swift", Self.fibonacci)
        try write("Sources/Ratios/Ratios.swift", """
            import Fibonacci
            public func ratio(_ n: Int) -> Double { Double(fibonacci(n + 1)) / Double(fibonacci(n)) }

            """)
        try write("Sources/Binet/Binet.swift", """
            import RealModule
            public func binet(_ n: Int) -> Double {
                let phi = (1 + Double.sqrt(5)) / 2
                return (Double.pow(phi, Double(n)) / Double.sqrt(5)).rounded()
            }

            """)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

extension NumbersPackage {
    /// The package with a course: a config importing all three modules and two chapters.
    static func withCourse() throws -> NumbersPackage {
        let package = try NumbersPackage()
        try package.write("weave.yml", "title: Numbers, by example\nimports: [Fibonacci, Ratios, Binet]\n")
        try package.write("chapters/index.md", "# Numbers\n\nTwo chapters.\n")
        try package.write("chapters/01-fibonacci.md", """
            # Fibonacci

            ```swift expect
            print("fibonacci(10) =", fibonacci(10), "ratio:", ratio(10))
            ```

            ```output
            fibonacci(10) = 55 ratio: 1.6181818181818182
            ```

            """)
        try package.write("chapters/02-binet.md", """
            # Binet

            ```swift
            print("binet(20) =", binet(20), "fibonacci(20) =", fibonacci(20))
            ```

            """)
        return package
    }
}
