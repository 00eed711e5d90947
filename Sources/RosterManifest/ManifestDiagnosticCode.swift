/// The stable `Diagnostic.code` values the manifest loader emits; tools and tests match on these strings.
public enum ManifestDiagnosticCode: String, Sendable, Hashable, CaseIterable {
    /// A file is not well-formed YAML (from the YAML layer).
    case yaml
    /// The path given does not exist.
    case inputNotFound = "input-not-found"
    /// A file or directory exists but cannot be read.
    case unreadable
    /// A directory holds no `*.yaml`/`*.yml` file.
    case noManifests = "no-manifests"
    /// A file holds nothing (warning; the file is skipped).
    case emptyFile = "empty-file"
    /// A file is over the size cap.
    case fileTooLarge = "file-too-large"
    /// A file is not UTF-8.
    case notUTF8 = "not-utf8"
    /// A symbolic link loops (a warning for an entry inside a directory, which is skipped; an error for the path
    /// given).
    case symlinkLoop = "symlink-loop"
    /// The same file or directory is reached twice through symbolic links (warning; read once).
    case duplicatePath = "duplicate-path"
    /// A key is not allowed here; the hint names the nearest allowed key.
    case unknownKey = "unknown-key"
    /// A value has the wrong YAML type ("expected a list of strings, found a mapping").
    case typeMismatch = "type-mismatch"
    /// A required key is absent.
    case missingKey = "missing-key"
    /// A value is outside its allowed set, range or shape.
    case invalidValue = "invalid-value"
    /// Something is declared twice; `related` holds the first declaration.
    case duplicate
    /// A name refers to a provider, profile, person, group, skill or role that is not declared.
    case undefinedReference = "undefined-reference"
    /// No file declares `version`.
    case missingVersion = "missing-version"
    /// `version` is not 1.
    case unsupportedVersion = "unsupported-version"
    /// A credential is written as a literal instead of an `{env:}` or `{file:}` reference.
    case literalSecret = "literal-secret"
    /// A credential the provider type needs (outside the emulator) is absent.
    case missingCredential = "missing-credential"
    /// An `http://` endpoint that is not on the loopback interface.
    case insecureEndpoint = "insecure-endpoint"
    /// A file the manifest points at (an emulator seed) does not exist.
    case missingFile = "missing-file"
    /// The platform does not have the feature (Talkdesk groups, 8x8 roles, skills on Webex…).
    case unsupported
    /// A vendor rule the platform enforces (Five9 roles and levels, 8x8 email and site, e-mail userNames…).
    case vendorRule = "vendor-rule"
    /// A group member has no account on one of the group's providers.
    case noAccount = "no-account"
    /// A person exists on no platform (warning).
    case noAccounts = "no-accounts"
}
