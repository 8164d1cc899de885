using AwesomeAssertions;
using Ledger.Application.Chores;
using Ledger.Application.Expenses;
using Ledger.Application.Lists;
using Ledger.Application.Users.Queries.ExportMyData;
using static Ledger.Application.FunctionalTests.Chores.ChoreScenarios;
using static Ledger.Application.FunctionalTests.Expenses.ExpenseScenarios;
using static Ledger.Application.FunctionalTests.Lists.ListScenarios;
using static Ledger.Application.FunctionalTests.Testing;

namespace Ledger.Application.FunctionalTests.Users;

/// <summary>The export holds the user's part of every area: money, lists and chores too.</summary>
public sealed class ExportMyDataTests : FunctionalTest
{
    [Test]
    public async Task Should_export_the_expenses_lists_and_chores_the_user_is_part_of()
    {
        var flat = await CreateFlatAsync();
        var shared = await SendAsync(EqualExpense(flat, flat.Ana, "30.00"), flat.Ana);
        await SendAsync(
            NewExpense(flat.Group, flat.Ana, "5.00", EqualAmong(flat.Ana, flat.Cem)),
            flat.Ana
        );
        var personal = await CreatePersonalListAsync(flat.Ben);
        await AddItemAsync(personal, flat.Ben);
        await CreateGroupListAsync(flat.Group, flat.Ana);
        var chore = await CreatePersonalChoreAsync(flat.Ben);

        var export = await SendAsync(new ExportMyData(), flat.Ben);

        export.Sections.Keys.Should().Contain(["expenses", "lists", "chores"]);
        ((IEnumerable<ExpenseDto>)export.Sections["expenses"])
            .Select(e => e.Id)
            .Should()
            .Equal(shared.Id);
        var lists = ((IEnumerable<ListExport>)export.Sections["lists"]).ToList();
        lists.Select(l => l.List!.Id).Should().Equal(personal.Value);
        lists[0].Items.Should().ContainSingle();
        var chores = (ChoresExport)export.Sections["chores"];
        chores.PersonalChores.Select(c => c.Id).Should().Equal(chore.Id);
        chores
            .Assignments.Should()
            .NotBeEmpty()
            .And.OnlyContain(a => a.AssigneeId == flat.Ben.Value);
    }
}
