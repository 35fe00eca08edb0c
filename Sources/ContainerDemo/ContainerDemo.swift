import ArgumentParser

/// `container-demo`: try micro-apps from the command line.
@main
struct ContainerDemo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "container-demo",
        abstract: "Run HybridContainer micro-apps from the command line.",
        subcommands: [ShowcaseCommand.self, RunCommand.self],
        defaultSubcommand: ShowcaseCommand.self)
}
