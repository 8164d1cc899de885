using System.Reflection;
using System.Runtime.CompilerServices;
using Ledger.Domain.Common;

namespace Ledger.Application.FunctionalTests.Outbox;

/// <summary>
/// A domain event of any type without calling its constructor, for tests that walk every event
/// type: every typed id in it (also inside nested value types) is a fresh id, because a typed
/// id left uninitialized refuses to be read.
/// </summary>
internal static class SampleDomainEvents
{
    public static IDomainEvent Create(Type eventType) =>
        (IDomainEvent)Fill(RuntimeHelpers.GetUninitializedObject(eventType));

    private static object Fill(object instance)
    {
        foreach (
            var field in instance
                .GetType()
                .GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        )
        {
            var value = SampleOf(field.FieldType);
            if (value is not null)
            {
                field.SetValue(instance, value);
            }
        }

        return instance;
    }

    private static object? SampleOf(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var newId = underlying.GetMethod("New", BindingFlags.Public | BindingFlags.Static, []);
        if (newId is not null && newId.ReturnType == underlying)
        {
            return newId.Invoke(null, null);
        }

        return
            underlying is { IsValueType: true, IsPrimitive: false, IsEnum: false }
            && underlying.Namespace?.StartsWith("Ledger.", StringComparison.Ordinal) == true
            ? Fill(RuntimeHelpers.GetUninitializedObject(underlying))
            : null;
    }
}
