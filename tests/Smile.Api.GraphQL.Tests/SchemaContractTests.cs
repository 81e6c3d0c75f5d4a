using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;
using Smile.Api.GraphQL.Schema;
using Smile.Content.Querying;

namespace Smile.Api.GraphQL.Tests;

/// <summary>
/// The public schema is a contract other municipalities build on: a change to it is a decision, so
/// the schema printed from the running CMS must equal <c>api-schema/schema.graphql</c>.
/// </summary>
public sealed class SchemaContractTests(TestDatabases databases)
{
    public const string UpdateVariable = "SMILE_UPDATE_CONTRACT";

    [Fact]
    public async Task The_published_schema_matches_the_committed_contract()
    {
        await using var cms = await RunningCms.StartAsync(databases, TestDatabases.Sqlite);
        var state = await cms.Services.GetRequiredService<IContentReader>().StateAsync();
        var built = await cms.Services.GetRequiredService<SchemaService>().GetAsync(state.SchemaVersion);
        var printed = Normalize(built.Schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true }));
        var file = ContractFiles.Schema;

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(file, printed);
            return;
        }

        var committed = File.Exists(file) ? Normalize(await File.ReadAllTextAsync(file)) : "";
        if (committed != printed)
        {
            Assert.Fail($"""
                The schema the CMS serves differs from {Path.GetRelativePath(ContractFiles.Root, file)} (- committed, + served):

                {LineDiff.Unified(committed, printed)}

                A breaking change is a decision, never an accident: set {UpdateVariable}=1 to rewrite api-schema/schema.graphql after deciding the change is intended.
                """);
        }
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";
}

/// <summary>The contract files in the repository, found from the test's output folder.</summary>
internal static class ContractFiles
{
    public static string Root { get; } = FindRoot();

    public static string Schema => Path.Combine(Root, "api-schema", "schema.graphql");

    public static string Examples => Path.Combine(Root, "api-schema", "examples");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Smile.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Smile.sln.");
    }
}

/// <summary>A small line diff (longest common subsequence) printed as unified-style hunks.</summary>
internal static class LineDiff
{
    private const int Context = 2;

    public static string Unified(string expected, string actual, int maxLines = 300)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        // common[i, j]: length of the longest common subsequence of a[i..] and b[j..]
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, string Text, int Old, int New)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x], ++x, ++y));
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                lines.Add(('-', a[x], ++x, y));
            }
            else
            {
                lines.Add(('+', b[y], x, ++y));
            }
        }

        var shown = new bool[lines.Count];
        foreach (var changed in Enumerable.Range(0, lines.Count).Where(k => lines[k].Mark != ' '))
        {
            for (var m = Math.Max(0, changed - Context); m <= Math.Min(lines.Count - 1, changed + Context); m++)
            {
                shown[m] = true;
            }
        }

        var output = new StringBuilder();
        var written = 0;
        for (var k = 0; k < lines.Count && written < maxLines; k++)
        {
            if (!shown[k])
            {
                continue;
            }

            if (k == 0 || !shown[k - 1])
            {
                output.Append(CultureInfo.InvariantCulture, $"@@ committed line {lines[k].Old}, served line {lines[k].New} @@\n");
            }

            output.Append(lines[k].Mark).Append(' ').Append(lines[k].Text).Append('\n');
            written++;
        }

        if (written == maxLines)
        {
            output.Append(CultureInfo.InvariantCulture, $"... (more than {maxLines} lines differ)\n");
        }

        return output.ToString().TrimEnd('\n');
    }
}
