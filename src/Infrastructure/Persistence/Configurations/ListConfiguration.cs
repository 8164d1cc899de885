using Ledger.Domain.Groups;
using Ledger.Domain.Lists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ledger.Infrastructure.Persistence.Configurations;

// Lists and chores are personal (owner_user_id) or a group's (group_id): exactly one of the two
// is set, checked by the database. Child rows copy the parent's group_id, so all group data
// carries its group. See docs/decisions/0008.

internal sealed class ShoppingListConfiguration : IEntityTypeConfiguration<ShoppingList>
{
    public void Configure(EntityTypeBuilder<ShoppingList> builder)
    {
        builder.ToTable(
            "lists",
            table =>
                table.HasCheckConstraint(
                    "ck_lists_personal_or_group",
                    "(group_id IS NULL) <> (owner_user_id IS NULL)"
                )
        );
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Name).HasMaxLength(ShoppingList.NameMaxLength);
        builder.Property(l => l.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(l => l.Version).IsConcurrencyToken();
        // The list's row lock already orders revisions; the token makes a forgotten lock fail
        // loudly instead of handing out one revision twice.
        builder.Property(l => l.Revision).IsConcurrencyToken();
        builder.Ignore(l => l.DomainEvents);
        builder.Ignore(l => l.Ownership);
        builder.Ignore(l => l.IsArchived);

        builder.HasOne<Group>().WithMany().HasForeignKey(l => l.GroupId);
        builder.HasMany(l => l.Items).WithOne().HasForeignKey(i => i.ListId);
        builder.Navigation(l => l.Items).UsePropertyAccessMode(PropertyAccessMode.Field);

        // A group's lists and a user's personal lists, each paged by id.
        builder.HasIndex(l => new { l.GroupId, l.Id }).HasFilter("group_id IS NOT NULL");
        builder.HasIndex(l => new { l.OwnerUserId, l.Id }).HasFilter("owner_user_id IS NOT NULL");
        // The RESTRICT foreign key from owner_user_id to the users table is added in the
        // migration by name, as for memberships.
    }
}

internal sealed class ListItemConfiguration : IEntityTypeConfiguration<ListItem>
{
    public void Configure(EntityTypeBuilder<ListItem> builder)
    {
        builder.ToTable("list_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Name).HasMaxLength(ListItem.NameMaxLength);
        builder.Property(i => i.Quantity).HasMaxLength(ListItem.QuantityMaxLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.IsBought);
        builder.Ignore(i => i.IsRemoved);

        builder.HasOne<Group>().WithMany().HasForeignKey(i => i.GroupId);
        // Loading a list's items and the changes feed ("changed after revision N") both read
        // this index.
        builder.HasIndex(i => new { i.ListId, i.ChangedAtRevision });
    }
}
