import ArgumentParser

/// Options every command shares.
struct OutputOptions: ParsableArguments {
  @Flag(
    name: [.short, .long],
    help: "Print no progress, summary or notes on stderr; warnings and errors still show.")
  var quiet = false
}
