using Ledger.Domain.Common;

namespace Ledger.Domain.Expenses;

public sealed record ExpenseCreated(GroupId GroupId, ExpenseId ExpenseId) : IDomainEvent;

public sealed record ExpenseUpdated(GroupId GroupId, ExpenseId ExpenseId) : IDomainEvent;

public sealed record ExpenseVoided(GroupId GroupId, ExpenseId ExpenseId) : IDomainEvent;
