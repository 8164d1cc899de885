using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Infrastructure.Persistence.Specifications;

/// <summary>
/// Turns a specification's includes into EF Core's Include / ThenInclude. The navigation types
/// are only known at run time, so the generic EF methods are closed over them once per shape
/// and cached.
/// </summary>
internal static class IncludeStep
{
    private static readonly MethodInfo IncludeMethod = EfMethod(
        nameof(EntityFrameworkQueryableExtensions.Include),
        m => m.GetParameters()[1].ParameterType != typeof(string)
    );

    // ThenInclude has two overloads: after a collection navigation, whose "previous" type is
    // IEnumerable<TPrevious>, and after a reference navigation, whose previous type is TPrevious.
    private static readonly MethodInfo ThenIncludeAfterCollection = EfMethod(
        nameof(EntityFrameworkQueryableExtensions.ThenInclude),
        m => !PreviousTypeOf(m).IsGenericParameter
    );

    private static readonly MethodInfo ThenIncludeAfterReference = EfMethod(
        nameof(EntityFrameworkQueryableExtensions.ThenInclude),
        m => PreviousTypeOf(m).IsGenericParameter
    );

    private static readonly ConcurrentDictionary<
        (MethodInfo Open, Type Entity, Type Previous, Type Property),
        MethodInfo
    > Closed = new();

    public static IQueryable<T> Apply<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        foreach (var path in specification.IncludeStrings)
        {
            query = query.Include(path);
        }

        foreach (var include in specification.IncludeExpressions)
        {
            query =
                include.Type == IncludeTypeEnum.Include
                    ? Include(query, include.LambdaExpression)
                    : ThenInclude(query, include);
        }

        return query;
    }

    private static IQueryable<T> Include<T>(IQueryable<T> query, LambdaExpression navigation)
        where T : class
    {
        var method = Close(IncludeMethod, typeof(T), typeof(T), navigation.ReturnType);
        return (IQueryable<T>)method.Invoke(null, [query, navigation])!;
    }

    private static IQueryable<T> ThenInclude<T>(IQueryable<T> query, IncludeExpressionInfo include)
        where T : class
    {
        var navigation = include.LambdaExpression;
        var previousElement = navigation.Parameters[0].Type;
        var afterCollection = include.PreviousPropertyType != previousElement;
        var method = Close(
            afterCollection ? ThenIncludeAfterCollection : ThenIncludeAfterReference,
            typeof(T),
            previousElement,
            navigation.ReturnType
        );
        return (IQueryable<T>)method.Invoke(null, [query, navigation])!;
    }

    private static MethodInfo Close(MethodInfo open, Type entity, Type previous, Type property) =>
        Closed.GetOrAdd(
            (open, entity, previous, property),
            key =>
                key.Open == IncludeMethod
                    ? key.Open.MakeGenericMethod(key.Entity, key.Property)
                    : key.Open.MakeGenericMethod(key.Entity, key.Previous, key.Property)
        );

    private static Type PreviousTypeOf(MethodInfo thenInclude) =>
        thenInclude.GetParameters()[0].ParameterType.GetGenericArguments()[1];

    private static MethodInfo EfMethod(string name, Func<MethodInfo, bool> predicate) =>
        typeof(EntityFrameworkQueryableExtensions)
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name && m.IsGenericMethodDefinition && predicate(m));
}
