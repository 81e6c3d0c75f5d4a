using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Smile.Operations.Tests;

/// <summary>Reading and tampering with backup archives the way a broken disk, a careless copy or a newer Smile would.</summary>
public static class ArchiveFiles
{
    public static JsonObject Manifest(string archive)
    {
        using var zip = ZipFile.OpenRead(archive);
        using var stream = zip.GetEntry("manifest.json")!.Open();
        return JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>A table's rows as named values, read straight from the archive's JSON lines.</summary>
    public static IReadOnlyList<Dictionary<string, JsonElement>> Rows(string archive, string table)
    {
        var manifest = Manifest(archive);
        var entry = manifest["tables"]!.AsArray().Single(t => (string)t!["name"]! == table)!;
        var columns = entry["columns"]!.AsArray().Select(c => (string)c!).ToList();
        using var zip = ZipFile.OpenRead(archive);
        using var reader = new StreamReader(zip.GetEntry((string)entry["entry"]!)!.Open());
        var rows = new List<Dictionary<string, JsonElement>>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var values = JsonDocument.Parse(line).RootElement.EnumerateArray().ToList();
            rows.Add(columns.Zip(values).ToDictionary(p => p.First, p => p.Second));
        }

        return rows;
    }

    public static string Copy(string archive)
    {
        var copy = Installations.ArchivePath();
        File.Copy(archive, copy);
        return copy;
    }

    /// <summary>Flips one byte in the middle of a stored (uncompressed) entry's data, as a bad sector would.</summary>
    public static void FlipByte(string archive, string entryName)
    {
        byte[] content;
        using (var zip = ZipFile.OpenRead(archive))
        using (var stream = zip.GetEntry(entryName)!.Open())
        using (var buffer = new MemoryStream())
        {
            stream.CopyTo(buffer);
            content = buffer.ToArray();
        }

        var file = File.ReadAllBytes(archive);
        var offset = file.AsSpan().IndexOf(content.AsSpan(0, Math.Min(256, content.Length)));
        Assert.True(offset >= 0, $"{entryName} is not stored uncompressed");
        file[offset + (content.Length / 2)] ^= 0x01;
        File.WriteAllBytes(archive, file);
    }

    public static void RemoveEntry(string archive, string entryName)
    {
        using var zip = ZipFile.Open(archive, ZipArchiveMode.Update);
        zip.GetEntry(entryName)!.Delete();
    }

    public static void EditManifest(string archive, Action<JsonObject> edit)
    {
        var manifest = Manifest(archive);
        edit(manifest);
        Replace(archive, "manifest.json", Encoding.UTF8.GetBytes(manifest.ToJsonString()));
    }

    /// <summary>Replaces an entry and updates its checksum in the manifest: a well-formed archive with other content.</summary>
    public static void ReplaceWithChecksum(string archive, string entryName, byte[] content, Action<JsonObject>? edit = null)
    {
        Replace(archive, entryName, content);
        EditManifest(archive, manifest =>
        {
            manifest["checksums"]![entryName] = Convert.ToHexStringLower(SHA256.HashData(content));
            edit?.Invoke(manifest);
        });
    }

    public static byte[] Entry(string archive, string entryName)
    {
        using var zip = ZipFile.OpenRead(archive);
        using var stream = zip.GetEntry(entryName)!.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void Replace(string archive, string entryName, byte[] content)
    {
        using var zip = ZipFile.Open(archive, ZipArchiveMode.Update);
        zip.GetEntry(entryName)?.Delete();
        using var stream = zip.CreateEntry(entryName).Open();
        stream.Write(content);
    }
}
