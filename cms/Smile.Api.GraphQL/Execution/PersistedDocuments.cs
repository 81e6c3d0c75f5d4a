using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace Smile.Api.GraphQL.Execution;

/// <summary>
/// Stored queries addressed as <c>sha256:&lt;hex&gt;</c> of their text. The documents the site generator and
/// the examples use ship as files, so any Smile instance can serve any Smile site build.
/// </summary>
public sealed class PersistedDocuments
{
    private readonly FrozenDictionary<string, string> _byId;

    public PersistedDocuments(IEnumerable<string> documents)
    {
        _byId = documents.Distinct(StringComparer.Ordinal).ToFrozenDictionary(IdOf, d => d, StringComparer.Ordinal);
    }

    public int Count => _byId.Count;

    public static string IdOf(string document) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document)));

    /// <summary>Every <c>*.graphql</c> file under the folders (recursively), as written.</summary>
    public static PersistedDocuments FromFolders(params string[] folders) =>
        new(folders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.graphql", SearchOption.AllDirectories))
            .Where(f => !f.EndsWith("schema.graphql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText));

    public bool TryGet(string documentId, out string document) => _byId.TryGetValue(documentId, out document!);
}
