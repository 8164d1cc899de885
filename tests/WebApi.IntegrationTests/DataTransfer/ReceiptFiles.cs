using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using SkiaSharp;

namespace Ledger.WebApi.IntegrationTests.DataTransfer;

/// <summary>Real files for upload tests, built the way cameras and attackers build them.</summary>
internal static class ReceiptFiles
{
    public static byte[] Png(int width = 40, int height = 30)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.CornflowerBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Jpeg(int width = 40, int height = 30)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.Orange);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF segment holding a GPS position, as a phone writes it.</summary>
    public static byte[] JpegWithGps()
    {
        var jpeg = Jpeg();
        var tiff = new List<byte>();
        tiff.AddRange("II*\0"u8.ToArray());
        tiff.AddRange(Le32(8)); // IFD0 right after the header
        // IFD0: one entry, the GPS IFD pointer (tag 0x8825, LONG).
        tiff.AddRange(Le16(1));
        tiff.AddRange(Entry(0x8825, 4, 1, Le32(26)));
        tiff.AddRange(Le32(0));
        // GPS IFD: latitude ref "N" and latitude 52/1 13/1 37/1.
        tiff.AddRange(Le16(2));
        tiff.AddRange(Entry(0x0001, 2, 2, [(byte)'N', 0, 0, 0]));
        tiff.AddRange(Entry(0x0002, 5, 3, Le32(26 + 2 + 24 + 4)));
        tiff.AddRange(Le32(0));
        foreach (var value in new uint[] { 52, 1, 13, 1, 37, 1 })
        {
            tiff.AddRange(Le32(value));
        }

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = (ushort)(payload.Length + 2);
        var app1 = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)length }.Concat(payload);
        return jpeg.Take(2).Concat(app1).Concat(jpeg.Skip(2)).ToArray();
    }

    /// <summary>A 40 × 30 JPEG whose EXIF says to show it turned 90° clockwise (a phone held upright).</summary>
    public static byte[] JpegTurnedClockwise()
    {
        var jpeg = Jpeg(40, 30);
        var tiff = new List<byte>();
        tiff.AddRange("II*\0"u8.ToArray());
        tiff.AddRange(Le32(8));
        tiff.AddRange(Le16(1));
        tiff.AddRange(Entry(0x0112, 3, 1, [6, 0, 0, 0])); // Orientation = 6 (RightTop)
        tiff.AddRange(Le32(0));
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = (ushort)(payload.Length + 2);
        var app1 = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)length }.Concat(payload);
        return jpeg.Take(2).Concat(app1).Concat(jpeg.Skip(2)).ToArray();
    }

    /// <summary>A valid PNG whose header claims 20000 × 20000 pixels (400 MP): a decompression bomb.</summary>
    public static byte[] PngBomb()
    {
        var png = Png(8, 8);
        // IHDR's data starts at 16 (8 signature + 4 length + 4 type); its CRC follows 13 bytes on.
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 20000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 20000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>A PNG with a script after its end: a browser sniffing it as HTML would run it.</summary>
    public static byte[] Polyglot() =>
        Png()
            .Concat(Encoding.ASCII.GetBytes("<html><script>alert('polyglot')</script></html>"))
            .ToArray();

    public static byte[] Pdf() =>
        Encoding.ASCII.GetBytes(
            "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n"
        );

    public static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static byte[] Entry(ushort tag, ushort type, uint count, byte[] value) =>
        Le16(tag).Concat(Le16(type)).Concat(Le32(count)).Concat(value).ToArray();

    private static byte[] Le16(ushort value) => BitConverter.GetBytes(value);

    private static byte[] Le32(uint value) => BitConverter.GetBytes(value);

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
