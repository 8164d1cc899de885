using System.Net;
using System.Text;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.WebApi.IntegrationTests.Expenses;
using Npgsql;
using static Ledger.WebApi.IntegrationTests.Expenses.HttpFlat;

namespace Ledger.WebApi.IntegrationTests.DataTransfer;

/// <summary>
/// Receipts through the real pipeline and the real file store (audit 000, hardened uploads):
/// content judged by its bytes, byte and pixel ceilings, metadata stripped, downloads only
/// through the authorized endpoint, and nothing left on disk by a rejected upload.
/// </summary>
public sealed class ReceiptUploadTests : HttpTest
{
    private HttpFlat _flat = null!;
    private string _receipts = null!;

    [SetUp]
    public async Task CreateExpenseAsync()
    {
        if (Directory.Exists(ApiHost.ReceiptsRoot))
        {
            Directory.Delete(ApiHost.ReceiptsRoot, recursive: true);
        }

        _flat = await HttpFlat.CreateAsync();
        using var created = await PostJsonAsync(
            _flat.Ana.HttpClient,
            _flat.Expenses,
            _flat.ExpenseBody()
        );
        var expense = await ReadAsync(created, HttpStatusCode.Created);
        _receipts = $"{_flat.Expenses}/{expense.GetProperty("id").GetString()}/receipts";
    }

    [TearDown]
    public void DisposeFlat() => _flat.Dispose();

    [Test]
    public async Task Should_store_an_image_without_its_gps_metadata_and_serve_it_as_an_attachment()
    {
        var upload = ReceiptFiles.JpegWithGps();
        Encoding.ASCII.GetString(upload).Should().Contain("Exif");

        var receipt = await UploadAsync(
            upload,
            "IMG_0001.jpg",
            "image/jpeg",
            HttpStatusCode.Created
        );
        receipt.GetProperty("contentType").GetString().Should().Be("image/jpeg");
        receipt.ToString().Should().NotContain(ApiHost.ReceiptsRoot).And.NotContain("IMG_0001");

        using var download = await _flat.Ben.HttpClient.GetAsync(ContentOf(receipt));
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        download.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("sandbox");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        var stored = await download.Content.ReadAsByteArrayAsync();
        stored.Take(3).Should().Equal(0xFF, 0xD8, 0xFF);
        Encoding.ASCII.GetString(stored).Should().NotContain("Exif");
        StoredFiles().Should().ContainSingle().Which.Should().NotContain("IMG_0001");

        // The orientation goes with the metadata, so the pixels are turned first.
        var turned = await UploadAsync(
            ReceiptFiles.JpegTurnedClockwise(),
            "IMG_0002.jpg",
            "image/jpeg",
            HttpStatusCode.Created
        );
        using var turnedDownload = await _flat.Ana.HttpClient.GetAsync(ContentOf(turned));
        using var codec = SkiaSharp.SKCodec.Create(
            new MemoryStream(await turnedDownload.Content.ReadAsByteArrayAsync())
        );
        (codec.Info.Width, codec.Info.Height).Should().Be((30, 40));
    }

    [Test]
    public async Task Should_judge_files_by_their_bytes_and_strip_what_follows_a_polyglot_image()
    {
        var png = await UploadAsync(
            ReceiptFiles.Png(),
            "invoice.pdf",
            "application/pdf",
            HttpStatusCode.Created
        );
        png.GetProperty("contentType").GetString().Should().Be("image/png");
        using (var download = await _flat.Ana.HttpClient.GetAsync(ContentOf(png)))
        {
            download.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        }

        await UploadAsync(
            ReceiptFiles.Pdf(),
            "bill.pdf",
            "application/pdf",
            HttpStatusCode.Created
        );
        var polyglot = await UploadAsync(
            ReceiptFiles.Polyglot(),
            "x.html",
            "text/html",
            HttpStatusCode.Created
        );
        using (var download = await _flat.Ana.HttpClient.GetAsync(ContentOf(polyglot)))
        {
            var stored = Encoding.ASCII.GetString(await download.Content.ReadAsByteArrayAsync());
            stored.Should().NotContain("<script");
        }

        // The polyglot re-encodes to exactly the plain PNG's bytes: one file for both (deduplicated).
        polyglot
            .GetProperty("sizeBytes")
            .GetInt64()
            .Should()
            .Be(png.GetProperty("sizeBytes").GetInt64());
        StoredFiles().Should().HaveCount(2);
    }

    [Test]
    public async Task Should_refuse_html_and_svg_whatever_their_name_leaving_nothing_on_disk()
    {
        await UploadAsync(
            Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"),
            "page.png",
            "image/png",
            HttpStatusCode.UnsupportedMediaType
        );
        await UploadAsync(
            Encoding.UTF8.GetBytes(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"></svg>"
            ),
            "logo.svg",
            "image/svg+xml",
            HttpStatusCode.UnsupportedMediaType
        );
        StoredFiles().Should().BeEmpty();
    }

    [Test]
    public async Task Should_refuse_an_oversized_file_and_a_decompression_bomb_leaving_nothing_on_disk()
    {
        var oversized = ReceiptFiles.Png().Concat(new byte[10 * 1024 * 1024]).ToArray();
        await UploadAsync(oversized, "big.png", "image/png", HttpStatusCode.RequestEntityTooLarge);
        await UploadAsync(
            ReceiptFiles.PngBomb(),
            "bomb.png",
            "image/png",
            HttpStatusCode.RequestEntityTooLarge
        );

        StoredFiles().Should().BeEmpty();
        using var list = await _flat.Ana.HttpClient.GetAsync(_receipts);
        (await ReadAsync(list, HttpStatusCode.OK)).GetArrayLength().Should().Be(0);
    }

    [Test]
    public async Task Should_ignore_a_path_traversal_file_name()
    {
        var receipt = await UploadAsync(
            ReceiptFiles.Png(),
            "../../../../tmp/evil.png",
            "image/png",
            HttpStatusCode.Created
        );

        receipt.ToString().Should().NotContain("evil").And.NotContain("..");
        File.Exists("/tmp/evil.png").Should().BeFalse();
        StoredFiles().Should().ContainSingle().Which.Should().StartWith(ApiHost.ReceiptsRoot);
    }

    [Test]
    public async Task Should_hide_receipts_from_strangers_and_let_only_creator_or_owner_detach()
    {
        var receipt = await UploadAsync(
            ReceiptFiles.Png(),
            "r.png",
            "image/png",
            HttpStatusCode.Created
        );
        using var stranger = await Ledger.WebApi.IntegrationTests.Support.ApiUsers.SignUpAsync();

        using var strangerDownload = await stranger.HttpClient.GetAsync(ContentOf(receipt));
        strangerDownload.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var benUpload = await _flat.Ben.HttpClient.PostAsync(
            _receipts,
            ReceiptFiles.Form(ReceiptFiles.Png(), "r.png", "image/png")
        );
        benUpload.StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var id = receipt.GetProperty("id").GetString();
        using var detached = await _flat.Ana.HttpClient.DeleteAsync($"{_receipts}/{id}");
        detached.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var gone = await _flat.Ana.HttpClient.GetAsync(ContentOf(receipt));
        gone.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await using var db = await NpgsqlDataSource
            .Create(ApiHost.Database.ConnectionString)
            .OpenConnectionAsync();
        await using var audit = new NpgsqlCommand(
            "SELECT count(*) FROM audit_events WHERE action = 'receipt.detached'",
            db
        );
        ((long)(await audit.ExecuteScalarAsync())!).Should().Be(1);
    }

    [Test]
    public async Task Should_refuse_an_upload_past_the_group_quota_with_413()
    {
        // The group already stores 200 MiB of receipts (rows only: the quota counts what is attached).
        var expenseId = _receipts.Split('/')[^2];
        await using (
            var db = await NpgsqlDataSource
                .Create(ApiHost.Database.ConnectionString)
                .OpenConnectionAsync()
        )
        {
            await using var fill = new NpgsqlCommand(
                """
                INSERT INTO receipts (id, group_id, expense_id, sha256, content_type, size_bytes, uploaded_by_user_id, uploaded_at)
                VALUES (gen_random_uuid(), @group, @expense, repeat('a', 64), 'image/png', 200 * 1024 * 1024, @user, now())
                """,
                db
            );
            fill.Parameters.AddWithValue("group", _flat.GroupId);
            fill.Parameters.AddWithValue("expense", Guid.Parse(expenseId));
            fill.Parameters.AddWithValue("user", _flat.Ana.UserId.Value);
            await fill.ExecuteNonQueryAsync();
        }

        var problem = await UploadAsync(
            ReceiptFiles.Png(),
            "r.png",
            "image/png",
            HttpStatusCode.RequestEntityTooLarge
        );
        problem.GetProperty("detail").GetString().Should().Contain("200 MiB");
        StoredFiles().Should().BeEmpty();
    }

    private async Task<JsonElement> UploadAsync(
        byte[] bytes,
        string name,
        string type,
        HttpStatusCode expected
    )
    {
        using var response = await _flat.Ana.HttpClient.PostAsync(
            _receipts,
            ReceiptFiles.Form(bytes, name, type)
        );
        return await ReadAsync(response, expected);
    }

    private string ContentOf(JsonElement receipt) =>
        $"{_receipts}/{receipt.GetProperty("id").GetString()}/content";

    /// <summary>The files of the store, leaving out its temporary folder.</summary>
    private static List<string> StoredFiles() =>
        Directory.Exists(ApiHost.ReceiptsRoot)
            ? Directory
                .EnumerateFiles(ApiHost.ReceiptsRoot, "*", SearchOption.AllDirectories)
                .Where(f =>
                    !Path.GetRelativePath(ApiHost.ReceiptsRoot, f)
                        .StartsWith("tmp", StringComparison.Ordinal)
                )
                .ToList()
            : [];
}
