using AwesomeAssertions;
using Ledger.Application.Operations.Commands.CheckStorage;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Operations;

public sealed class CheckStorageTests : FunctionalTest
{
    [Test]
    public async Task Should_report_a_database_above_the_warning_threshold_as_needing_attention()
    {
        // The functional tests configure a warning threshold of one byte.
        var report = await SendAsSystemAsync(new CheckStorage());

        report.NeedsAttention.Should().BeTrue();
        report.Summary.Should().Contain("above the warning threshold");
    }
}
