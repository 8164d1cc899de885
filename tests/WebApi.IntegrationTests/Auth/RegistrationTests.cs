using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwesomeAssertions;
using Ledger.TestSupport;
using Ledger.WebApi.IntegrationTests.Support;
using Npgsql;

namespace Ledger.WebApi.IntegrationTests.Auth;

/// <summary>POST /api/v1/auth/register: NIST SP 800-63B passwords, one account per email, no echo.</summary>
public sealed class RegistrationTests : HttpTest
{
    [Test]
    public async Task Should_create_the_account_and_answer_201_with_the_id_only()
    {
        var email = Pii.Email();

        using var response = await RegisterAsync(email, Pii.Password(), Pii.Name());

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        response.Headers.Location!.OriginalString.Should().Be("/api/v1/me");
        var text = await response.Content.ReadAsStringAsync();
        text.Should().NotContain(email).And.NotContain(Pii.EmailDomain);
        using var body = JsonDocument.Parse(text);
        body.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("id");
        body.RootElement.GetProperty("id").GetGuid().Should().NotBeEmpty();
    }

    [Test]
    public async Task Should_audit_the_registration_with_the_new_user_as_actor()
    {
        var id = await ApiUsers.RegisterAsync(Pii.Email(), Pii.Password(), Pii.Name());

        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT action, record_id FROM audit_events WHERE actor_user_id = @id",
            connection
        );
        query.Parameters.AddWithValue("id", id.Value);
        await using var reader = await query.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();
        reader.GetString(0).Should().Be("user.registered");
        reader.GetString(1).Should().Be(id.Value.ToString());
        (await reader.ReadAsync()).Should().BeFalse();
    }

    [Test]
    public async Task Should_refuse_a_password_of_11_characters_with_400()
    {
        using var response = await RegisterAsync(Pii.Email(), Pii.Password()[..11], Pii.Name());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("password", out _).Should().BeTrue();
    }

    [Test]
    public async Task Should_accept_a_password_of_12_characters()
    {
        using var response = await RegisterAsync(Pii.Email(), Pii.Password()[..12], Pii.Name());

        response.StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Test]
    public async Task Should_accept_a_64_character_password_without_any_composition_and_sign_in_with_it()
    {
        var password = LowercaseLettersOnly(64);
        var email = Pii.Email();

        using var response = await RegisterAsync(email, password, Pii.Name());

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        using var user = await ApiUsers.SignInAsync(email, password);
        user.Tokens.AccessToken.Should().NotBeNullOrEmpty();
    }

    [Test]
    public async Task Should_refuse_a_password_longer_than_128_characters()
    {
        using var response = await RegisterAsync(
            Pii.Email(),
            LowercaseLettersOnly(129),
            Pii.Name()
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [TestCase("")]
    [TestCase("not-an-email")]
    public async Task Should_refuse_an_invalid_email_with_400(string email)
    {
        using var response = await RegisterAsync(email, Pii.Password(), Pii.Name());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("email", out _).Should().BeTrue();
    }

    [TestCase("{\"email\": ")]
    [TestCase("{\"email\": 42, \"password\": [], \"displayName\": {}}")]
    [TestCase("")]
    public async Task Should_answer_400_to_a_malformed_body(string body)
    {
        using var client = ApiUsers.AnonymousClient();

        using var response = await client.PostAsync(
            "/api/v1/auth/register",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json")
        );

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Should_refuse_a_blank_display_name_with_400()
    {
        using var response = await RegisterAsync(Pii.Email(), Pii.Password(), "   ");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Should_answer_an_email_that_has_an_account_as_it_answers_a_new_one()
    {
        var email = Pii.Email();
        using var first = await RegisterAsync(email, Pii.Password(), Pii.Name());

        using var second = await RegisterAsync(
            email.ToUpperInvariant(),
            Pii.Password(),
            Pii.Name()
        );

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        await ShouldLookLikeANewAccountAsync(second);
        (await AccountsWithEmailAsync(email)).Should().Be(1);
    }

    [Test]
    public async Task Should_create_one_account_and_answer_all_alike_when_the_same_email_registers_concurrently()
    {
        var email = Pii.Email();

        var responses = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => RegisterAsync(email, Pii.Password(), Pii.Name()))
        );

        foreach (var response in responses)
        {
            await ShouldLookLikeANewAccountAsync(response);
            response.Dispose();
        }

        (await AccountsWithEmailAsync(email)).Should().Be(1);
    }

    private static async Task ShouldLookLikeANewAccountAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.Created, text);
        response.Headers.Location!.OriginalString.Should().Be("/api/v1/me");
        text.Should().NotContain(Pii.EmailDomain);
        using var body = JsonDocument.Parse(text);
        body.RootElement.EnumerateObject().Select(p => p.Name).Should().Equal("id");
    }

    private static async Task<long> AccountsWithEmailAsync(string email)
    {
        await using var connection = new NpgsqlConnection(ApiHost.Database.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM asp_net_users WHERE normalized_email = upper(@email)",
            connection
        );
        query.Parameters.AddWithValue("email", email);
        return (long)(await query.ExecuteScalarAsync())!;
    }

    /// <summary>A password of plain lowercase letters that still carries the PII marker for the log scan.</summary>
    private static string LowercaseLettersOnly(int length)
    {
        var letters = new string(
            Pii.Password().ToLowerInvariant().Where(char.IsAsciiLetter).ToArray()
        );
        return (letters + new string('x', length))[..length];
    }

    private static async Task<HttpResponseMessage> RegisterAsync(
        string email,
        string password,
        string displayName
    )
    {
        using var client = ApiUsers.AnonymousClient();
        return await client.PostAsJsonAsync(
            "/api/v1/auth/register",
            new
            {
                email,
                password,
                displayName,
            }
        );
    }
}
