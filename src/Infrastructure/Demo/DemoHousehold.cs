using Ledger.Application.Common.Security;
using Ledger.Domain.Chores;
using Ledger.Domain.Common;
using Ledger.Domain.Groups;
using Ledger.Domain.Lists;
using Ledger.Domain.Monetary;
using Ledger.Infrastructure.Identity;
using Ledger.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ledger.Infrastructure.Demo;

/// <summary>
/// The demo household for local development (<c>--seed-demo</c>, after the demo users): a group
/// of the demo users (the first its owner) with a shared shopping list and rotating chores, and
/// a personal list of the first user. Made through the domain like any other data. Seeding again
/// finds the group by its name and owner and adds nothing.
/// </summary>
public sealed partial class DemoHousehold(
    ApplicationDbContext db,
    TimeProvider clock,
    ILogger<DemoHousehold> logger
)
{
    public const string GroupName = "Demo flat";
    private const string Currency = "EUR";
    private const string TimeZone = "Europe/Berlin";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var emails = DemoUsers.Accounts.Select(a => a.Email.ToUpperInvariant()).ToList();
        var found = await db
            .Users.Where(u => emails.Contains(u.NormalizedEmail!))
            .Select(u => new { u.Id, u.NormalizedEmail })
            .ToListAsync(cancellationToken);
        if (found.Count != emails.Count)
        {
            throw new InvalidOperationException("Seed the demo users before their household.");
        }

        var owner = new UserId(found.Single(u => u.NormalizedEmail == emails[0]).Id);
        var member = new UserId(found.Single(u => u.NormalizedEmail == emails[1]).Id);
        var exists = await db.Groups.AnyAsync(
            g => g.Name == GroupName && g.Memberships.Any(m => m.UserId == owner),
            cancellationToken
        );
        if (exists)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var group = Group.Create(GroupName, Currency, TimeZone, owner, now);
        var inviteHash = SecretTokens.Hash(SecretTokens.Create());
        group.CreateInvite(owner, inviteHash, now, now.AddMinutes(1), maxUses: 1);
        group.Join(inviteHash, member, now);
        db.Groups.Add(group);

        db.Lists.Add(Groceries(group.Id, owner, member, now));
        var presents = ShoppingList.Create(
            Ownership.Personal(owner),
            "Birthday presents",
            Currency,
            owner,
            now
        );
        presents.AddItem("A good book", null, owner, now);
        db.Lists.Add(presents);

        var today = ChoreCalendar.DateIn(now, TimeZone);
        IReadOnlyList<UserId> both = [owner, member];
        db.Chores.AddRange(
            GroupChore(
                group.Id,
                "Take out the bins",
                ChoreFrequency.Weekly([DayOfWeek.Monday, DayOfWeek.Thursday]),
                ChoreRotation.RoundRobin,
                both,
                today,
                owner,
                now
            ),
            GroupChore(
                group.Id,
                "Clean the bathroom",
                ChoreFrequency.Weekly([DayOfWeek.Saturday]),
                ChoreRotation.FewestCompletions,
                both,
                today,
                owner,
                now
            ),
            GroupChore(
                group.Id,
                "Water the plants",
                ChoreFrequency.EveryNDays(3),
                ChoreRotation.RoundRobin,
                [member, owner],
                today,
                owner,
                now
            ),
            GroupChore(
                group.Id,
                "Pay the rent",
                ChoreFrequency.Monthly(31),
                ChoreRotation.Fixed,
                [owner],
                today,
                owner,
                now
            )
        );

        await db.SaveChangesAsync(cancellationToken);
        LogSeeded(group.Id.Value);
    }

    private static ShoppingList Groceries(
        GroupId group,
        UserId owner,
        UserId member,
        DateTimeOffset now
    )
    {
        var list = ShoppingList.Create(Ownership.OfGroup(group), "Groceries", Currency, owner, now);
        list.AddItem("Milk", "2 l", owner, now);
        list.AddItem("Bread", null, member, now);
        var coffee = list.AddItem("Coffee beans", "500 g", owner, now);
        list.MarkBought(coffee.Id, Money.Parse("8.99", Currency), member, now);
        return list;
    }

    private static Chore GroupChore(
        GroupId group,
        string name,
        ChoreFrequency frequency,
        ChoreRotation rotation,
        IReadOnlyList<UserId> participants,
        DateOnly today,
        UserId createdBy,
        DateTimeOffset now
    ) =>
        Chore.Create(
            Ownership.OfGroup(group),
            new ChoreDefinition(name, null, frequency, rotation),
            participants,
            participants.ToHashSet(),
            today,
            today,
            createdBy,
            now
        );

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded the demo household {GroupId}")]
    private partial void LogSeeded(Guid groupId);
}
