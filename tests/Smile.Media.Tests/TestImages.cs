using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using NetVips;

namespace Smile.Media.Tests;

/// <summary>Real image files made for the tests with NetVips (and, for the bomb, by hand: it must never be decoded).</summary>
internal static class TestImages
{
    /// <summary>A gradient with a little texture, so encoders have something to do.</summary>
    public static Image Picture(int width, int height)
    {
        using var x = Image.Xyz(width, height);
        using var bands = x.Bandsplit()[0];
        var gradient = (bands * (255.0 / width)).Cast(Enums.BandFormat.Uchar);
        return gradient.Bandjoin(255 - gradient, gradient / 2);
    }

    public static byte[] Jpeg(int width, int height) => Picture(width, height).JpegsaveBuffer(q: 85);

    public static byte[] Png(int width, int height) => Picture(width, height).PngsaveBuffer();

    /// <summary>A JPEG carrying EXIF with a GPS position (Rostock Stadthafen), as a phone writes it.</summary>
    public static byte[] JpegWithGps(int width, int height)
    {
        using var picture = Picture(width, height);
        using var image = picture.Mutate(m => m.Set(GValue.BlobType, "exif-data", GpsExif()));
        return image.JpegsaveBuffer(q: 85, keep: Enums.ForeignKeep.Exif);
    }

    /// <summary>
    /// A PNG whose header says 20,000 × 20,000 pixels (400 megapixels, 1.2 GB decoded) but whose file is tiny:
    /// zlib squeezes rows of zeros a thousandfold. Only the first rows are present; the header is what counts.
    /// </summary>
    public static byte[] PngBomb(int width = 20_000, int height = 20_000)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        Chunk(output, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[1 + (width * 3)];
                for (var i = 0; i < 200; i++)
                {
                    zlib.Write(row);
                }
            }

            Chunk(output, "IDAT", data.ToArray());
        }

        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    public static bool HasGps(Image image) => image.GetFields().Any(f => f.Contains("GPS", StringComparison.OrdinalIgnoreCase));

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        output.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>"Exif\0\0" + a little-endian TIFF with IFD0 → GPS IFD (latitude 54° 5' N, longitude 12° 8' E).</summary>
    private static byte[] GpsExif()
    {
        var tiff = new MemoryStream();
        var w = new BinaryWriter(tiff);
        w.Write("II"u8);
        w.Write((ushort)42);
        w.Write(8u); // IFD0 offset
        // IFD0: one entry, GPSInfo (0x8825) LONG → offset 26
        w.Write((ushort)1);
        w.Write((ushort)0x8825);
        w.Write((ushort)4);
        w.Write(1u);
        w.Write(26u);
        w.Write(0u); // no next IFD
        // GPS IFD at 26: four entries, then their rational values
        const int values = 26 + 2 + (4 * 12) + 4;
        w.Write((ushort)4);
        Entry(w, 0x0001, 2, 2, BitConverter.ToUInt32([(byte)'N', 0, 0, 0])); // GPSLatitudeRef
        Entry(w, 0x0002, 5, 3, values); // GPSLatitude
        Entry(w, 0x0003, 2, 2, BitConverter.ToUInt32([(byte)'E', 0, 0, 0])); // GPSLongitudeRef
        Entry(w, 0x0004, 5, 3, values + 24); // GPSLongitude
        w.Write(0u);
        foreach (var (n, d) in new[] { (54u, 1u), (5u, 1u), (0u, 1u), (12u, 1u), (8u, 1u), (0u, 1u) })
        {
            w.Write(n);
            w.Write(d);
        }

        return [.. "Exif\0\0"u8.ToArray(), .. tiff.ToArray()];
    }

    private static void Entry(BinaryWriter w, ushort tag, ushort type, uint count, uint value)
    {
        w.Write(tag);
        w.Write(type);
        w.Write(count);
        w.Write(value);
    }
}
