using System.Text.RegularExpressions;
using AwesomeAssertions;

namespace Ledger.Architecture.Tests;

/// <summary>
/// Raw SQL has one home, the Infrastructure project (ADR 0015): Application handlers ask small
/// named ports (the locks, claims and upserts on <c>IApplicationDbContext</c>, and feature ports
/// such as <c>IRecurringExpenseClaims</c> and <c>IMembershipLocks</c>), and the hosts
/// send commands. Read from the sources, since a query string leaves no trace in the types.
/// </summary>
public sealed partial class SqlHomeTests
{
    [GeneratedRegex(
        @"\b(ExecuteSql\w*|SqlQuery\w*|FromSql\w*|ExecuteUpdate\w*Raw|NpgsqlCommand|DbCommand)\b"
    )]
    private static partial Regex RawSql();

    [TestCase("src/Domain")]
    [TestCase("src/Application")]
    [TestCase("src/WebApi")]
    [TestCase("src/Worker")]
    public void Raw_sql_should_live_in_the_infrastructure_only(string project)
    {
        var root = RepositoryRoot();
        var offenders = Directory
            .EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(file => RawSql().IsMatch(File.ReadAllText(Path.Combine(root, file))))
            .ToList();

        offenders.Should().BeEmpty("raw SQL belongs behind a port in src/Infrastructure");
    }

    [Test]
    public void The_check_should_see_the_sql_where_it_lives()
    {
        // Guards the scan itself: it must find the SQL that does live in Infrastructure.
        var context = Path.Combine(
            RepositoryRoot(),
            "src/Infrastructure/Persistence/ApplicationDbContext.cs"
        );
        RawSql().IsMatch(File.ReadAllText(context)).Should().BeTrue();
    }

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
        || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (
            directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ledger.sln"))
        )
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException("Ledger.sln not found above the test binaries.");
    }
}
