import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `bptt bench` times runs by.
enum BenchClock: String, ExpressibleByArgument, CaseIterable {
    /// The process's CPU time: on a shared machine, time spent waiting for a core is not counted.
    case cpu
    /// The monotonic wall clock.
    case wall

    /// Now, in seconds, on this clock.
    func now() -> Double {
        var time = timespec()
        clock_gettime(self == .cpu ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}

/// The tuned C implementation in `bench/`, compiled for this machine.
struct CPeer {
    let executable: String

    /// Compiles `source` with `<compiler> -O3 -march=native` into `.build/bench/` unless the
    /// binary there (named after the source and the compiler) is newer than the source.
    static func compiled(source: String, compiler: String) throws -> CPeer {
        let files = FileManager.default
        guard let sourceDate = modificationDate(source) else {
            throw CLIError("\(source) not found; run from the package root or pass --c-source")
        }
        let directory = ".build/bench"
        // One binary per compiler, so that changing --cc never reuses another compiler's build.
        let executable = directory + "/" + URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
            + "-" + URL(fileURLWithPath: compiler).lastPathComponent
        if let built = modificationDate(executable), built > sourceDate { return CPeer(executable: executable) }
        do {
            try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            _ = try runTool("/usr/bin/env", [compiler, "-O3", "-march=native", "-o", executable, source, "-lm"])
        } catch let failure as ToolFailure where failure.status == 127 {  // env: no such program
            throw CLIError("\(compiler) not found: the C peer is compiled with `\(compiler) -O3 -march=native`; "
                + "install it (e.g. `apt-get install gcc`) or pass --cc")
        } catch {
            throw CLIError("cannot compile \(source) with \(compiler): \(error)")
        }
        return CPeer(executable: executable)
    }

    /// The loss of sample `n` (before its update) from the C's reference loop and its tuned loop.
    func losses(afterSamples n: Int) throws -> (reference: Double, tuned: Double) {
        let output = try runTool(executable, ["--loss", "\(n)"])
        var values: [String: Double] = [:]
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2, let value = Double(fields[1]) { values[String(fields[0])] = value }
        }
        guard let reference = values["reference"], let tuned = values["tuned"] else {
            throw CLIError("\(executable) --loss \(n) printed no losses: \(output)")
        }
        return (reference, tuned)
    }

    /// One timed run of `samples` samples.
    func microsecondsPerSample(samples: Int, clock: BenchClock) throws -> Double {
        let output = try runTool(executable, ["--samples", "\(samples)", "--repeats", "1", "--clock", clock.rawValue])
        guard let value = Double(output.split(separator: "\n").last ?? "") else {
            throw CLIError("\(executable) printed no time: \(output)")
        }
        return value
    }

    private static func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
    }
}

/// A tool that failed: its exit status and what it wrote on stderr.
struct ToolFailure: Error, CustomStringConvertible {
    let command: String
    let status: Int32
    let stderr: String
    var description: String {
        "`\(command)` exited with status \(status)" + (stderr.isEmpty ? "" : ": " + stderr)
    }
}

/// Runs a program to completion and returns its standard output.
func runTool(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // Read stderr concurrently so that a chatty tool cannot block on a full pipe.
    let errorText = LockedText()
    let reader = Thread { errorText.set(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)) }
    reader.start()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let stderr = errorText.waitForValue()
    guard process.terminationStatus == 0 else {
        throw ToolFailure(command: ([executable] + arguments).joined(separator: " "), status: process.terminationStatus,
                          stderr: stderr.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A string handed from one thread to another.
private final class LockedText: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: String?

    func set(_ text: String) {
        condition.lock()
        value = text
        condition.signal()
        condition.unlock()
    }

    func waitForValue() -> String {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value ?? ""
    }
}
