using AwesomeAssertions;
using Ledger.Application.Users.Commands.DeleteMe;
using Ledger.Application.Users.Commands.RequestEmailConfirmation;
using Ledger.Application.Users.Commands.RequestPasswordReset;
using Ledger.Application.Users.Commands.SendQueuedEmails;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Email;
using Ledger.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Users;

/// <summary>
/// The queue of account emails (ADR 0036) as the worker's job works through it. This host has
/// no SMTP settings, so every send fails: the failure path (backoff) is what runs here; the
/// sending itself is tested with a real SMTP server (AccountEmailTests, EmailOutboxTests).
/// </summary>
public sealed class SendQueuedEmailsTests : FunctionalTest
{
    [Test]
    public async Task Should_queue_the_mail_with_its_token_encrypted_and_no_address()
    {
        var user = await CreateUserAsync();
        var email = await EmailOfAsync(user);

        await SendAsync(new RequestPasswordReset(email), null);

        var queued = await QueuedAsync(user);
        queued.Kind.Should().Be(AccountEmailKind.PasswordReset);
        queued.SentAt.Should().BeNull();
        string token = string.Empty;
        await WithServicesAsync(services =>
        {
            token = services
                .GetRequiredService<EmailTokenProtection>()
                .Unprotect(queued.ProtectedToken);
            return Task.CompletedTask;
        });
        token.Should().NotBeEmpty();
        queued.ProtectedToken.Should().NotContain(token);
        queued.ProtectedToken.Should().NotContain(email);
    }

    [Test]
    public async Task Should_retry_a_failed_send_later_with_backoff_and_never_log_the_token()
    {
        var user = await CreateUserAsync();
        await SendAsync(new RequestEmailConfirmation(await EmailOfAsync(user)), null);

        var first = await SendAsSystemAsync(new SendQueuedEmails());

        first.Summary.Should().StartWith("Sent 0 emails; 1 failed");
        first.NeedsAttention.Should().BeTrue();
        var failed = await QueuedAsync(user);
        failed.Attempts.Should().Be(1);
        failed.LastError.Should().Be(nameof(InvalidOperationException));
        failed.NextAttemptAt.Should().BeAfter(Clock.GetUtcNow().AddSeconds(29));
        (await SendAsSystemAsync(new SendQueuedEmails()))
            .Summary.Should()
            .StartWith("Sent 0 emails; 0 failed", "not due before its backoff");

        Clock.Advance(TimeSpan.FromMinutes(1));
        await SendAsSystemAsync(new SendQueuedEmails());
        var again = await QueuedAsync(user);
        again.Attempts.Should().Be(2);
        (again.NextAttemptAt - Clock.GetUtcNow())
            .Should()
            .BeGreaterThan(TimeSpan.FromSeconds(59), "the delay doubles");

        string token = string.Empty;
        await WithServicesAsync(services =>
        {
            token = services
                .GetRequiredService<EmailTokenProtection>()
                .Unprotect(again.ProtectedToken);
            return Task.CompletedTask;
        });
        var log = Path.Combine(TestEnvironment.LogsDirectory, "functional.log");
        if (File.Exists(log))
        {
            using var stream = new FileStream(
                log,
                FileMode.Open,
                FileAccess.Read,
                FileShare.ReadWrite
            );
            using var reader = new StreamReader(stream);
            (await reader.ReadToEndAsync()).Should().NotContain(token);
        }
    }

    [Test]
    public async Task Should_abandon_an_expired_link_and_a_deleted_account_then_purge_them()
    {
        var expired = await CreateUserAsync();
        var deleted = await CreateUserAsync();
        await SendAsync(new RequestPasswordReset(await EmailOfAsync(expired)), null);
        await SendAsync(new RequestPasswordReset(await EmailOfAsync(deleted)), null);
        await SendAsync(new DeleteMe(await GivePasswordAsync(deleted)), deleted);

        Clock.Advance(TimeSpan.FromMinutes(61));
        var report = await SendAsSystemAsync(new SendQueuedEmails());

        report.Summary.Should().Contain("2 abandoned");
        (await QueuedAsync(expired)).LastError.Should().Be("link-expired");
        (await QueuedAsync(deleted)).LastError.Should().Be("account-gone");

        Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromHours(1));
        (await SendAsSystemAsync(new SendQueuedEmails())).Summary.Should().EndWith("purged 0.");
        Clock.Advance(TimeSpan.FromHours(2));
        (await SendAsSystemAsync(new SendQueuedEmails())).Summary.Should().EndWith("purged 2.");
        (await CountAsync<OutgoingEmail>()).Should().Be(0);
    }

    [Test]
    public async Task Should_skip_a_mail_another_worker_has_claimed()
    {
        var user = await CreateUserAsync();
        await SendAsync(new RequestPasswordReset(await EmailOfAsync(user)), null);
        await using var other = new NpgsqlConnection(ConnectionString);
        await other.OpenAsync();
        await using var claim = await other.BeginTransactionAsync();
        await using (
            var lockRow = new NpgsqlCommand("SELECT 1 FROM outgoing_emails FOR UPDATE", other)
        )
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        var report = await SendAsSystemAsync(new SendQueuedEmails());

        report.Summary.Should().StartWith("Sent 0 emails; 0 failed (retried later); 0 abandoned");
        (await QueuedAsync(user)).Attempts.Should().Be(0);
    }

    private static Task<string> EmailOfAsync(UserId user) =>
        WithDbAsync(db =>
            db.Users.Where(u => u.Id == user.Value).Select(u => u.Email!).SingleAsync()
        );

    private static Task<OutgoingEmail> QueuedAsync(UserId user) =>
        WithDbAsync(db =>
            db.Set<OutgoingEmail>().AsNoTracking().SingleAsync(e => e.UserId == user.Value)
        );
}
