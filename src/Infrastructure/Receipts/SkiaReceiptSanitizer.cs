using System.Security.Cryptography;
using Ledger.Application.Common.Exceptions;
using Ledger.Application.Receipts;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Ledger.Infrastructure.Receipts;

/// <summary>
/// Reads an upload within the byte ceiling, decides what it is from its first bytes only (never
/// its name or declared type), reads an image's size from its header before decoding it
/// (decompression bombs), and re-encodes images with SkiaSharp so nothing but pixels survives:
/// no EXIF, GPS or trailing payload (polyglots). PDFs are kept as they are (they are only ever
/// served as attachments with nosniff and a sandboxing CSP).
/// </summary>
internal sealed class SkiaReceiptSanitizer(IOptions<ReceiptOptions> options) : IReceiptSanitizer
{
    private const int JpegQuality = 90;

    public async Task<SanitizedReceipt> SanitizeAsync(
        Stream upload,
        CancellationToken cancellationToken
    )
    {
        var limits = options.Value;
        var bytes = await ReadWithinAsync(upload, limits.MaxBytes, cancellationToken);
        var kind = Sniff(bytes);
        var output = kind switch
        {
            "application/pdf" => CheckPdf(bytes),
            _ => ReEncode(bytes, kind, limits.MaxPixels),
        };
        if (output.LongLength > limits.MaxBytes)
        {
            throw new PayloadTooLargeException(
                $"A receipt is at most {limits.MaxBytes / (1024 * 1024)} MiB."
            );
        }

        return new SanitizedReceipt(
            output,
            kind,
            Convert.ToHexStringLower(SHA256.HashData(output))
        );
    }

    private static async Task<byte[]> ReadWithinAsync(
        Stream upload,
        long maxBytes,
        CancellationToken cancellationToken
    )
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new PayloadTooLargeException(
                    $"A receipt is at most {maxBytes / (1024 * 1024)} MiB."
                );
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new UnsupportedContentException("The file is empty.");
        }

        return buffer.ToArray();
    }

    internal static string Sniff(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (
            b.Length >= 8
            && b[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })
        )
        {
            return "image/png";
        }

        if (b.Length >= 12 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (b.Length >= 5 && b[..5].SequenceEqual("%PDF-"u8))
        {
            return "application/pdf";
        }

        throw new UnsupportedContentException(
            "A receipt is a JPEG, PNG, WebP or PDF file (judged by its content)."
        );
    }

    private static byte[] CheckPdf(byte[] bytes)
    {
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - 1024));
        if (tail.IndexOf("%%EOF"u8) < 0)
        {
            throw new UnsupportedContentException("The PDF is incomplete or not a PDF.");
        }

        return bytes;
    }

    private static byte[] ReEncode(byte[] bytes, string kind, long maxPixels)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec =
            SKCodec.Create(data)
            ?? throw new UnsupportedContentException("The image cannot be read.");
        var expected = kind switch
        {
            "image/jpeg" => SKEncodedImageFormat.Jpeg,
            "image/png" => SKEncodedImageFormat.Png,
            _ => SKEncodedImageFormat.Webp,
        };
        if (codec.EncodedFormat != expected)
        {
            throw new UnsupportedContentException("The image is not what its first bytes say.");
        }

        // From the header, before a single pixel is decoded.
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > maxPixels)
        {
            throw new PayloadTooLargeException(
                $"An image receipt has at most {maxPixels / 1_000_000} megapixels."
            );
        }

        using var bitmap = new SKBitmap(
            new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul)
        );
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            throw new UnsupportedContentException("The image cannot be read.");
        }

        // The EXIF orientation goes with the metadata, so it is applied to the pixels first.
        using var image = Upright(bitmap, codec.EncodedOrigin);
        using var encoded =
            image.Encode(expected, JpegQuality)
            ?? throw new UnsupportedContentException("The image cannot be read.");
        return encoded.ToArray();
    }

    /// <summary>The bitmap turned as its EXIF orientation says (the rotations; mirrored forms are rare and kept).</summary>
    private static SKImage Upright(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        var (width, height) = (bitmap.Width, bitmap.Height);
        var turn = origin switch
        {
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        if (turn == 0)
        {
            return SKImage.FromBitmap(bitmap);
        }

        var info = turn == 180 ? new SKImageInfo(width, height) : new SKImageInfo(height, width);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        switch (turn)
        {
            case 90:
                canvas.Translate(height, 0);
                break;
            case 180:
                canvas.Translate(width, height);
                break;
            default:
                canvas.Translate(0, width);
                break;
        }

        canvas.RotateDegrees(turn);
        canvas.DrawBitmap(bitmap, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        canvas.Flush();
        return surface.Snapshot();
    }
}
