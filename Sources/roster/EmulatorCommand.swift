import ArgumentParser
import Foundation
import Roster

struct EmulatorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator",
        abstract: "Run or reset the built-in vendor emulators.",
        subcommands: [EmulatorServeCommand.self, EmulatorResetCommand.self])
}

struct EmulatorServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the emulators over HTTP on 127.0.0.1 until Ctrl-C.",
        discussion: """
            With a manifest, serves one emulator per `endpoint: emulator:` provider at http://HOST:PORT/<provider>, \
            seeded from its seed; without one, a generic SCIM 2.0 emulator at http://HOST:PORT/scim. Only loopback \
            addresses are accepted. State is in memory unless --state-dir is given.
            """)

    @Argument(help: "A manifest file or directory (optional).")
    var path: String?

    @Option(name: .long, help: "A loopback address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port (0 picks a free one).")
    var port = 8_089

    @Option(name: .long, help: "Persist the emulators' state in this folder.")
    var stateDir: String?

    func run() async throws {
        let service: EmulatorService
        do {
            service = try await EmulatorService(manifestPath: path, host: host, port: port, stateDirectory: stateDir)
            try await service.run { urls in
                for (endpoint, url) in urls.sorted(by: { $0.key.name < $1.key.name }) {
                    if let five9 = endpoint.five9Credentials {
                        print("\(endpoint.name) (\(endpoint.type))  \(url)  \(five9)")
                    } else if let token = endpoint.token {
                        print("\(endpoint.name) (\(endpoint.type))  \(url)  token: \(token)")
                    } else if let login = endpoint.loginName, let client = endpoint.client {
                        let base = url.prefix { $0 != "/" } + "//" + url.dropFirst(7).prefix { $0 != "/" }
                        print(
                            "\(endpoint.name) (\(endpoint.type))  \(url)  OAuth client \(client) at \(base)/\(login)/oauth/token"
                        )
                    }
                }
                print("Serving \(urls.count) emulator\(urls.count == 1 ? "" : "s"); press Ctrl-C to stop.")
                fflush(nil)
            }
        } catch let error as RosterError {
            throw ErrorReport.exit(for: error)
        }
        print("Stopped.")
    }
}

struct EmulatorResetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Forget the embedded emulators' state, so the next plan starts again from the seeds.")

    @Argument(help: "A manifest file or directory.")
    var path: String

    @OptionGroup var manifest: ManifestOptions

    func run() async throws {
        let directory = (manifest.options(path: path).resolvedStateDirectory as NSString).appendingPathComponent(
            "emulators")
        if FileManager.default.fileExists(atPath: directory) { try FileManager.default.removeItem(atPath: directory) }
        print("Removed \(directory)")
    }
}
