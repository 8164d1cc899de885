using Ledger.Application.Chores;
using Ledger.Application.Common.Behaviours;
using Ledger.Application.Common.Idempotency;
using Ledger.Application.Common.Outbox;
using Ledger.Application.Common.Paging;
using Ledger.Application.Common.PersonalData;
using Ledger.Application.Expenses;
using Ledger.Application.Groups;
using Ledger.Application.Lists;
using Ledger.Application.Settlements;
using Ledger.Application.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddMediator(
            (Mediator.MediatorOptions options) =>
            {
                // Scoped: handlers use the scoped DbContext; a singleton mediator would capture it.
                options.ServiceLifetime = ServiceLifetime.Scoped;
                // Outermost first.
                options.PipelineBehaviors =
                [
                    typeof(LoggingBehaviour<,>),
                    typeof(AuthorizationBehaviour<,>),
                    typeof(ValidationBehaviour<,>),
                    typeof(ReauthenticationBehaviour<,>),
                    typeof(TransactionBehaviour<,>),
                    typeof(GroupRoleRecheckBehaviour<,>),
                    typeof(IdempotencyBehaviour<,>),
                    typeof(OverSettlementBehaviour<,>),
                ];
            }
        );
        services.AddValidatorsFromAssembly(
            typeof(DependencyInjection).Assembly,
            ServiceLifetime.Singleton
        );
        services.AddScoped<Caller>();
        services.AddScoped<GroupAccessChecker>();
        services.AddScoped<HouseholdAccess>();
        services.AddScoped<Webhooks.WebhookAccess>();
        services.AddScoped<ChoreHandOver>();
        services.AddDomainEvents(typeof(DependencyInjection).Assembly);
        services.AddScoped<ChoreAssignmentTransitions>();
        services.AddScoped<ListTransitions>();
        services.AddScoped<Operations.PurgeBatch>();
        services.AddScoped<RecurringExpenses.RecurringExpenseTransitions>();
        services.AddScoped<SplitPaymentTransitions>();
        services.AddScoped<Expenses.ExpenseTransitions>();
        services.AddScoped<SettlementTransitions>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ExpenseRecorder>();
        services.AddScoped<AccountMail>();
        services.AddScoped<IPersonalDataSection, AccountPersonalData>();
        services.AddScoped<IPersonalDataSection, GroupsPersonalData>();
        services.AddScoped<IPersonalDataSection, ExpensesPersonalData>();
        services.AddScoped<IPersonalDataSection, ListsPersonalData>();
        services.AddScoped<IPersonalDataSection, ChoresPersonalData>();
        services.AddScoped<IPersonalDataSection, SettlementsPersonalData>();
        services.AddScoped<IdempotencyContext>();
        services.AddSingleton<CursorCodec>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
