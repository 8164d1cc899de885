using AwesomeAssertions;
using Ledger.Domain.Common;
using Ledger.Domain.Lists;
using Ledger.Domain.Monetary;

namespace Ledger.Domain.UnitTests.Lists;

public sealed class ShoppingListTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly UserId _alice = UserId.New();
    private readonly GroupId _group = GroupId.New();

    private ShoppingList GroupList() =>
        ShoppingList.Create(Ownership.OfGroup(_group), "Groceries", "EUR", _alice, Now);

    [Test]
    public void Should_start_at_version_and_revision_one_with_its_ownership()
    {
        var personal = ShoppingList.Create(
            Ownership.Personal(_alice),
            " Mine ",
            "JPY",
            _alice,
            Now
        );

        (personal.Version, personal.Revision, personal.Name, personal.Currency)
            .Should()
            .Be((1, 1L, "Mine", "JPY"));
        personal.Ownership.Type.Should().Be(OwnershipType.Personal);
        personal.GroupId.Should().BeNull();
        GroupList().Ownership.Should().Be(Ownership.OfGroup(_group));
    }

    [Test]
    public void Should_refuse_a_list_owned_by_nobody_or_an_unknown_currency()
    {
        var nobody = () => ShoppingList.Create(default, "List", "EUR", _alice, Now);
        var currency = () =>
            ShoppingList.Create(Ownership.Personal(_alice), "List", "EURO", _alice, Now);

        nobody
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("ownership.invalid");
        currency
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("currency.unknown");
    }

    [Test]
    public void Should_stamp_each_item_change_with_a_new_revision_without_touching_the_list_version()
    {
        var list = GroupList();

        var milk = list.AddItem("Milk", "2", _alice, Now);
        var bread = list.AddItem("Bread", null, _alice, Now);
        list.EditItem(milk.Id, "Oat milk", " 1 l ", Now);

        list.Version.Should().Be(1);
        list.Revision.Should().Be(4);
        (milk.Name, milk.Quantity, milk.Version, milk.ChangedAtRevision, milk.Position)
            .Should()
            .Be(("Oat milk", "1 l", 2, 4L, 0));
        (bread.Version, bread.ChangedAtRevision, bread.Position).Should().Be((1, 3L, 1));
        milk.GroupId.Should().Be(_group);
    }

    [Test]
    public void Should_mark_bought_with_a_price_in_the_lists_currency_and_unmark()
    {
        var list = GroupList();
        var milk = list.AddItem("Milk", null, _alice, Now);

        list.MarkBought(milk.Id, Money.Parse("1.29", "EUR"), _alice, Now);

        (milk.IsBought, milk.BoughtBy, milk.PriceMinorUnits).Should().Be((true, _alice, 129L));
        milk.PriceIn(list.Currency)!.ToCanonicalString().Should().Be("1.29");

        list.UnmarkBought(milk.Id, Now);

        (milk.IsBought, milk.BoughtBy, milk.PriceMinorUnits, milk.Version)
            .Should()
            .Be((false, (UserId?)null, (long?)null, 3));
    }

    [Test]
    public void Should_refuse_a_price_in_another_currency_and_unmarking_an_unbought_item()
    {
        var list = GroupList();
        var milk = list.AddItem("Milk", null, _alice, Now);

        var otherCurrency = () => list.MarkBought(milk.Id, Money.Parse("1", "USD"), _alice, Now);
        var notBought = () => list.UnmarkBought(milk.Id, Now);

        otherCurrency
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("list.price-currency");
        notBought
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("list.item-not-bought");
        milk.Version.Should().Be(1);
    }

    [Test]
    public void Should_keep_a_removed_item_as_a_tombstone_that_no_longer_counts()
    {
        var list = GroupList();
        var milk = list.AddItem("Milk", null, _alice, Now);
        var bread = list.AddItem("Bread", null, _alice, Now);

        list.RemoveItem(milk.Id, _alice, Now);

        list.Items.Should().Contain(milk);
        (milk.IsRemoved, milk.RemovedBy, milk.ChangedAtRevision).Should().Be((true, _alice, 4L));
        list.FindLiveItem(milk.Id).Should().BeNull();
        var editRemoved = () => list.EditItem(milk.Id, "Milk", null, Now);
        editRemoved.Should().Throw<BusinessRuleViolationException>();
        list.Reorder([bread.Id], Now);
        bread.Position.Should().Be(0);
    }

    [Test]
    public void Should_reorder_as_a_change_of_the_list_that_only_stamps_moved_items()
    {
        var list = GroupList();
        var a = list.AddItem("A", null, _alice, Now);
        var b = list.AddItem("B", null, _alice, Now);
        var c = list.AddItem("C", null, _alice, Now);

        list.Reorder([b.Id, a.Id, c.Id], Now);

        list.Version.Should().Be(2);
        list.Revision.Should().Be(5);
        (a.Position, b.Position, c.Position).Should().Be((1, 0, 2));
        (a.ChangedAtRevision, b.ChangedAtRevision, c.ChangedAtRevision).Should().Be((5L, 5L, 4L));
        (a.Version, b.Version, c.Version).Should().Be((1, 1, 1));
    }

    [TestCase(1)]
    [TestCase(3)]
    [TestCase(4)]
    public void Should_refuse_an_order_that_does_not_name_every_item_once(int variant)
    {
        var list = GroupList();
        var a = list.AddItem("A", null, _alice, Now);
        var b = list.AddItem("B", null, _alice, Now);
        ListItemId[] order = variant switch
        {
            1 => [a.Id],
            3 => [a.Id, b.Id, ListItemId.New()],
            _ => [a.Id, a.Id],
        };

        var act = () => list.Reorder(order, Now);

        act.Should().Throw<DomainValidationException>().Which.Code.Should().Be("list.order");
        list.Version.Should().Be(1);
    }

    [Test]
    public void Should_freeze_an_archived_list_until_it_is_unarchived()
    {
        var list = GroupList();
        var milk = list.AddItem("Milk", null, _alice, Now);
        list.Archive(Now);

        var add = () => list.AddItem("Bread", null, _alice, Now);
        var buy = () => list.MarkBought(milk.Id, null, _alice, Now);
        var rename = () => list.Rename("Other", Now);
        var archiveAgain = () => list.Archive(Now);

        foreach (var act in new Action[] { () => add(), buy, rename, archiveAgain })
        {
            act.Should()
                .Throw<BusinessRuleViolationException>()
                .Which.Code.Should()
                .Be("list.archived");
        }

        list.Unarchive(Now);
        list.MarkBought(milk.Id, null, _alice, Now);
        (list.IsArchived, list.Version, milk.IsBought).Should().Be((false, 3, true));
        var unarchiveAgain = () => list.Unarchive(Now);
        unarchiveAgain.Should().Throw<BusinessRuleViolationException>();
    }

    [Test]
    public void Should_validate_names_and_quantities()
    {
        var list = GroupList();

        var blank = () => list.Rename("  ", Now);
        var longName = () =>
            list.AddItem(new string('x', ListItem.NameMaxLength + 1), null, _alice, Now);
        var longQuantity = () => list.AddItem("Milk", new string('1', 51), _alice, Now);

        blank.Should().Throw<DomainValidationException>().Which.Field.Should().Be("name");
        longName
            .Should()
            .Throw<DomainValidationException>()
            .Which.Code.Should()
            .Be("list.item-name");
        longQuantity
            .Should()
            .Throw<DomainValidationException>()
            .Which.Field.Should()
            .Be("quantity");
        list.AddItem("Milk", "  ", _alice, Now).Quantity.Should().BeNull();
    }

    [Test]
    public void Should_hold_at_most_the_maximum_number_of_live_items()
    {
        var list = GroupList();
        for (var i = 0; i < ShoppingList.MaxItems; i++)
        {
            list.AddItem($"Item {i}", null, _alice, Now);
        }

        var oneMore = () => list.AddItem("One more", null, _alice, Now);
        oneMore
            .Should()
            .Throw<BusinessRuleViolationException>()
            .Which.Code.Should()
            .Be("list.full");

        list.RemoveItem(list.Items[0].Id, _alice, Now);
        list.AddItem("One more", null, _alice, Now).Position.Should().Be(ShoppingList.MaxItems);
    }
}
