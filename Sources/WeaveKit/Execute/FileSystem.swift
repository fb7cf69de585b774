import Foundation

/// Creates `url` and its missing parents, or says why it cannot.
func createDirectory(_ url: URL) throws(WeaveError) {
    do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
        throw WeaveError("cannot create \(url.path): \(error.localizedDescription)")
    }
}
