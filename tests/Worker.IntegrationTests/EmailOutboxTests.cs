using System.Globalization;
using AwesomeAssertions;
using Ledger.Application.Users.Commands.RequestPasswordReset;
using Ledger.Application.Users.Commands.ResetPassword;
using Ledger.Domain.Common;
using Ledger.Infrastructure.Email;
using Ledger.TestSupport;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Ledger.Worker.IntegrationTests;

/// <summary>
/// Issue 16 #7 with a real SMTP server and a worker process: a password reset whose
/// transaction is retried queues (and the worker sends) exactly one mail; one whose transaction
/// rolls back sends none; the request itself never talks SMTP.
/// </summary>
public sealed class EmailOutboxTests
{
    private WorkerTesting _testing = null!;

    [OneTimeSetUp]
    public async Task CreateDatabaseAsync() =>
        _testing = await WorkerTesting.CreateAsync("worker-email");

    [SetUp]
    public Task ResetAsync() => _testing.Database.ResetAsync();

    [OneTimeTearDown]
    public async Task DisposeAsync() => await _testing.DisposeAsync();

    [Test]
    public async Task Should_send_one_mail_for_a_retried_reset_and_none_for_a_rolled_back_one()
    {
        await using var smtp = await SmtpSink.StartAsync();
        await using var app = new LedgerApplication(_testing.Database.ConnectionString);
        var retried = await app.CreateUserAsync();
        var rolledBack = await app.CreateUserAsync();
        var retriedEmail = await EmailOfAsync(app, retried);
        var rolledBackEmail = await EmailOfAsync(app, rolledBack);
        // At COMMIT, after the mail was queued: the first attempt for one user fails with a
        // serialization failure (transient: the execution strategy retries the whole command);
        // every attempt for the other fails for good.
        await ExecuteAsync(
            $"""
            CREATE SEQUENCE email_test_attempts;
            CREATE FUNCTION email_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.user_id = '{retried.Value}' THEN
                IF nextval('email_test_attempts') = 1 THEN
                  RAISE EXCEPTION 'transient on purpose' USING ERRCODE = '40001';
                END IF;
              ELSIF NEW.user_id = '{rolledBack.Value}' THEN
                RAISE EXCEPTION 'rolled back on purpose';
              END IF;
              RETURN NULL;
            END $$;
            CREATE CONSTRAINT TRIGGER email_test_fail AFTER INSERT ON outgoing_emails
              DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION email_test_fail();
            """
        );
        long attempts;
        try
        {
            await app.SendAsync(new RequestPasswordReset(retriedEmail), retried);
            var doomed = () => app.SendAsync(new RequestPasswordReset(rolledBackEmail), rolledBack);
            (await doomed.Should().ThrowAsync<Exception>())
                .Which.ToString()
                .Should()
                .Contain("rolled back on purpose");
            attempts = await ScalarAsync<long>("SELECT last_value FROM email_test_attempts");
        }
        finally
        {
            await ExecuteAsync(
                "DROP TRIGGER email_test_fail ON outgoing_emails; DROP FUNCTION email_test_fail(); DROP SEQUENCE email_test_attempts;"
            );
        }

        attempts.Should().Be(2, "the first attempt failed at COMMIT and was retried once");
        (await QueuedForAsync(app, retried)).Should().Be(1, "the retried command queued once");
        (await QueuedForAsync(app, rolledBack))
            .Should()
            .Be(0, "the rolled-back one queued nothing");
        smtp.Received().Should().BeEmpty("requests queue mail; only the worker sends it");

        await using var worker = WorkerProcess.Start(
            _testing.Database.ConnectionString,
            new Dictionary<string, string>
            {
                ["Worker__Schedules__send-queued-emails"] = "0/1 * * * * ?",
                ["Email__Smtp__Host"] = "127.0.0.1",
                ["Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Email__Smtp__From"] = "Ledger <no-reply@ledger.test>",
                ["Email__Smtp__Security"] = "None",
                ["Email__LinkBaseUrl"] = "https://app.ledger.test",
            }
        );
        // The mail's patience starts once the worker runs: booting a process on a loaded
        // machine is not what this test measures.
        await worker.WaitForOutputAsync("Application started", TimeSpan.FromSeconds(60));
        var message = await smtp.MessageToAsync(retriedEmail);
        (
            await Eventually.HoldsAsync(
                async () =>
                    await app.WithDbAsync(db =>
                        db.Set<OutgoingEmail>()
                            .AnyAsync(e => e.UserId == retried.Value && e.SentAt != null)
                    ),
                TimeSpan.FromSeconds(30)
            )
        )
            .Should()
            .BeTrue("the worker marks the mail sent");

        smtp.Received()
            .SelectMany(m => m.To.Mailboxes)
            .Select(m => m.Address)
            .Should()
            .BeEquivalentTo([retriedEmail], "one mail, to the retried reset's account only");
        var link = new Uri(
            message
                .TextBody!.Split('\n')
                .First(l => l.StartsWith("https://", StringComparison.Ordinal))
        );
        var token = QueryHelpers.ParseQuery(link.Query)["token"].ToString();
        await app.SendAsync(new ResetPassword(retried.Value, token, Pii.Password()), retried);
    }

    private static Task<string> EmailOfAsync(LedgerApplication app, UserId user) =>
        app.WithDbAsync(db =>
            db.Users.Where(u => u.Id == user.Value).Select(u => u.Email!).SingleAsync()
        );

    private static Task<int> QueuedForAsync(LedgerApplication app, UserId user) =>
        app.WithDbAsync(db => db.Set<OutgoingEmail>().CountAsync(e => e.UserId == user.Value));

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_testing.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
