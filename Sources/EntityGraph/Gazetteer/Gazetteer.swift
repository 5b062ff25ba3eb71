import Foundation

/// Built-in knowledge of real institutions and countries: names, acronyms,
/// former names and parent bodies. It never lists people.
///
/// The built-in data ships as a resource (`gazetteer.json`). Users add or
/// override entries with a file of the same shape, see ``merging(_:)`` and
/// the README's "Your own gazetteer" section.
public struct Gazetteer: Sendable, Hashable, Codable {
  /// A ministry, agency, company or organisation.
  public struct Institution: Sendable, Hashable, Codable {
    /// A stable key such as `kr-motir`.
    public var id: String
    /// The canonical English name.
    public var name: String
    /// The entity type.
    public var type: EntityType
    /// ISO country code of its government; nil for international bodies.
    public var country: String?
    /// Acronyms as written ("MOTIR", "MoFA").
    public var acronyms: [String]
    /// Other names and spellings.
    public var aliases: [String]
    /// Titles that name the body's head ("Foreign Minister").
    public var headTitles: [String]
    /// The supervising body's id.
    public var parent: String?
    /// The id of the body this one was renamed from.
    public var predecessor: String?
    /// First month or year under this name.
    public var validFrom: String?
    /// Last month or year under this name.
    public var validUntil: String?

    /// Creates an institution entry.
    public init(
      id: String, name: String, type: EntityType, country: String? = nil,
      acronyms: [String] = [], aliases: [String] = [], headTitles: [String] = [],
      parent: String? = nil, predecessor: String? = nil, validFrom: String? = nil,
      validUntil: String? = nil
    ) {
      self.id = id
      self.name = name
      self.type = type
      self.country = country
      self.acronyms = acronyms
      self.aliases = aliases
      self.headTitles = headTitles
      self.parent = parent
      self.predecessor = predecessor
      self.validFrom = validFrom
      self.validUntil = validUntil
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      id = try c.decode(String.self, forKey: .id)
      name = try c.decode(String.self, forKey: .name)
      type = try c.decode(EntityType.self, forKey: .type)
      country = try c.decodeIfPresent(String.self, forKey: .country)
      acronyms = try c.decodeIfPresent([String].self, forKey: .acronyms) ?? []
      aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
      headTitles = try c.decodeIfPresent([String].self, forKey: .headTitles) ?? []
      parent = try c.decodeIfPresent(String.self, forKey: .parent)
      predecessor = try c.decodeIfPresent(String.self, forKey: .predecessor)
      validFrom = try c.decodeIfPresent(String.self, forKey: .validFrom)
      validUntil = try c.decodeIfPresent(String.self, forKey: .validUntil)
    }
  }

  /// A country or territory.
  public struct Country: Sendable, Hashable, Codable {
    /// ISO 3166-1 alpha-2 code.
    public var code: String
    /// The canonical English short name.
    public var name: String
    /// Other names and abbreviations ("U.S.", "Republic of Korea").
    public var aliases: [String]
    /// Adjectives and demonyms ("Korean", "Vietnamese").
    public var adjectives: [String]

    /// Creates a country entry.
    public init(code: String, name: String, aliases: [String] = [], adjectives: [String] = []) {
      self.code = code
      self.name = name
      self.aliases = aliases
      self.adjectives = adjectives
    }

    public init(from decoder: any Decoder) throws {
      let c = try decoder.container(keyedBy: CodingKeys.self)
      code = try c.decode(String.self, forKey: .code)
      name = try c.decode(String.self, forKey: .name)
      aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
      adjectives = try c.decodeIfPresent([String].self, forKey: .adjectives) ?? []
    }
  }

  /// Institutions, in file order.
  public var institutions: [Institution]
  /// Countries, in file order.
  public var countries: [Country]
  /// World regions ("Middle East"): recognised so they are not read as
  /// countries, never entities themselves.
  public var regions: [String]
  /// Acronyms that are also everyday abbreviations ("MOU"): trusted only
  /// when a release defines them.
  public var ambiguousAcronyms: [String]

  /// Creates a gazetteer.
  public init(
    institutions: [Institution] = [], countries: [Country] = [], regions: [String] = [],
    ambiguousAcronyms: [String] = []
  ) {
    self.institutions = institutions
    self.countries = countries
    self.regions = regions
    self.ambiguousAcronyms = ambiguousAcronyms
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    institutions = try c.decodeIfPresent([Institution].self, forKey: .institutions) ?? []
    countries = try c.decodeIfPresent([Country].self, forKey: .countries) ?? []
    regions = try c.decodeIfPresent([String].self, forKey: .regions) ?? []
    ambiguousAcronyms = try c.decodeIfPresent([String].self, forKey: .ambiguousAcronyms) ?? []
  }

  private enum CodingKeys: String, CodingKey {
    case institutions, countries, regions, ambiguousAcronyms
  }

  /// Parses a gazetteer file.
  /// - Throws: ``EntityGraphError/badGazetteer(file:reason:)`` naming the problem.
  public static func decode(_ data: Data, file: String) throws(EntityGraphError) -> Gazetteer {
    do {
      return try JSONDecoder().decode(Gazetteer.self, from: data)
    } catch let error as DecodingError {
      throw .badGazetteer(file: file, reason: describe(error))
    } catch {
      throw .badGazetteer(file: file, reason: "\(error)")
    }
  }

  /// The data that ships with pressgraph.
  public static let builtIn: Gazetteer = {
    guard let url = Bundle.module.url(forResource: "gazetteer", withExtension: "json"),
      let data = try? Data(contentsOf: url),
      let gazetteer = try? decode(data, file: "gazetteer.json")
    else {
      preconditionFailure("the built-in gazetteer resource is missing or invalid")
    }
    return gazetteer
  }()

  /// This gazetteer with `other`'s entries added; an entry with the same
  /// institution id or country code replaces the built-in one.
  public func merging(_ other: Gazetteer) -> Gazetteer {
    var result = self
    let replacedIDs = Set(other.institutions.map(\.id))
    result.institutions.removeAll { replacedIDs.contains($0.id) }
    result.institutions += other.institutions
    let replacedCodes = Set(other.countries.map(\.code))
    result.countries.removeAll { replacedCodes.contains($0.code) }
    result.countries += other.countries
    result.regions = Array(Set(regions + other.regions)).sorted()
    result.ambiguousAcronyms = Array(Set(ambiguousAcronyms + other.ambiguousAcronyms)).sorted()
    return result
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
    switch error {
    case .keyNotFound(let key, let context):
      return
        "missing key \"\(key.stringValue)\" at \(path(context).isEmpty ? "top level" : path(context))"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\(context.debugDescription) at \(path(context))"
    case .dataCorrupted(let context):
      return context.debugDescription
    @unknown default:
      return "\(error)"
    }
  }
}
