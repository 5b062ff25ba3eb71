import Testing

@testable import EntityGraph
