/// The entity module: extraction of mentions from releases and their
/// resolution into a graph of ministries, agencies, people, companies,
/// countries and organisations, with affiliations, parent bodies and meetings.
///
/// Built in issue 3; this target exists so the package's shape is fixed.
public enum EntityGraphModule {}
