using System.Security.Cryptography;

namespace Smile.Media.Library;

/// <summary>An upload copied to a temporary file while its SHA-256 is computed and its size limit enforced.</summary>
internal sealed class IncomingFile : IDisposable
{
    private IncomingFile(string path, string sha256, long length, byte[] head)
    {
        Path = path;
        Sha256 = sha256;
        Length = length;
        Head = head;
    }

    public string Path { get; }

    public string Sha256 { get; }

    public long Length { get; }

    public byte[] Head { get; }

    public static async Task<IncomingFile> ReceiveAsync(Stream content, string fileName, long maxBytes, CancellationToken cancellationToken)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "smile-media-incoming");
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, Guid.NewGuid().ToString("N"));
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new MemoryStream();
            long length = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        throw new MediaUploadException($"„{fileName}“ ist größer als die erlaubten {maxBytes / (1024 * 1024)} MB.");
                    }

                    hash.AppendData(buffer, 0, read);
                    if (head.Length < Detection.MediaSniffer.HeadLength)
                    {
                        head.Write(buffer, 0, (int)Math.Min(read, Detection.MediaSniffer.HeadLength - head.Length));
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (length == 0)
            {
                throw new MediaUploadException($"„{fileName}“ ist leer.");
            }

            return new IncomingFile(path, Convert.ToHexStringLower(hash.GetHashAndReset()), length, head.ToArray());
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public void Dispose() => File.Delete(Path);
}
