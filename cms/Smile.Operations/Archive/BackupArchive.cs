using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

namespace Smile.Operations.Archive;

/// <summary>
/// A backup archive opened for restoring: the manifest read, and every entry checked against its checksum
/// before anything is restored from it.
/// </summary>
public sealed class BackupArchive : IDisposable
{
    private readonly ZipArchive _zip;

    private BackupArchive(string path, ZipArchive zip, BackupManifest manifest)
    {
        Path = path;
        _zip = zip;
        Manifest = manifest;
    }

    public string Path { get; }

    public BackupManifest Manifest { get; }

    /// <summary>Opens the archive and reads its manifest; refuses a file that is not a readable Smile backup.</summary>
    public static BackupArchive Open(string path)
    {
        if (!File.Exists(path))
        {
            throw Damaged($"There is no archive at {path}.");
        }

        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException ex)
        {
            throw Damaged($"{path} is not a readable backup archive ({ex.Message}).");
        }

        try
        {
            var entry = zip.GetEntry(ArchiveLayout.Manifest) ?? throw Damaged($"{path} has no {ArchiveLayout.Manifest}: it is not a complete Smile backup.");
            BackupManifest? manifest;
            try
            {
                using var stream = entry.Open();
                manifest = JsonSerializer.Deserialize<BackupManifest>(stream, BackupManifest.JsonOptions);
            }
            catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
            {
                throw Damaged($"The {ArchiveLayout.Manifest} of {path} cannot be read ({ex.Message}).");
            }

            if (manifest is null || manifest.Format != BackupManifest.CurrentFormat)
            {
                throw new OperationRefusedException(RefusalReason.NewerArchive,
                    $"{path} has the format '{manifest?.Format}', which this Smile does not know (it reads {BackupManifest.CurrentFormat}).");
            }

            return new BackupArchive(path, zip, manifest);
        }
        catch
        {
            zip.Dispose();
            throw;
        }
    }

    /// <summary>Reads every entry once and compares its SHA-256 with the manifest; no entry may be missing or extra.</summary>
    public void VerifyChecksums(Action<string> progress)
    {
        var listed = Manifest.Checksums;
        var referenced = Manifest.Tables.Select(t => t.Entry).Concat(Manifest.Media.Select(m => m.Entry));
        if (referenced.FirstOrDefault(name => !listed.ContainsKey(name)) is { } unlisted)
        {
            throw Damaged($"The manifest names the entry {unlisted} but gives no checksum for it.");
        }

        var present = _zip.Entries.Where(e => e.FullName != ArchiveLayout.Manifest).ToDictionary(e => e.FullName, StringComparer.Ordinal);
        if (listed.Keys.FirstOrDefault(name => !present.ContainsKey(name)) is { } missing)
        {
            throw Damaged($"The entry {missing} is missing from the archive.");
        }

        if (present.Keys.FirstOrDefault(name => !listed.ContainsKey(name)) is { } extra)
        {
            throw Damaged($"The archive holds an entry {extra} that its manifest does not list.");
        }

        var done = 0;
        foreach (var (name, expected) in listed)
        {
            string actual;
            try
            {
                using var stream = present[name].Open();
                actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            }
            catch (InvalidDataException ex)
            {
                throw Damaged($"The entry {name} is damaged and cannot be read ({ex.Message}).");
            }

            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                throw Damaged($"The entry {name} is damaged: its SHA-256 is {actual}, the manifest says {expected}.");
            }

            if (++done % 500 == 0 || done == listed.Count)
            {
                progress($"Verified {done:N0} of {listed.Count:N0} entries");
            }
        }
    }

    public Stream OpenEntry(string name) =>
        (_zip.GetEntry(name) ?? throw Damaged($"The entry {name} is missing from the archive.")).Open();

    public void Dispose() => _zip.Dispose();

    private static OperationRefusedException Damaged(string message) => new(RefusalReason.DamagedArchive, message);
}
