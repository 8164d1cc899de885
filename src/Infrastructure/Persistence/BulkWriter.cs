using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Ledger.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Ledger.Infrastructure.Persistence;

/// <summary>
/// Inserts or updates many rows of one entity type in one statement: inserts by binary
/// <c>COPY</c> (ADR 0087), updates with every column sent as one array parameter and expanded
/// with <c>unnest</c>, so the cost grows with the rows, not with round trips or change tracking.
/// Columns, store types and value converters are read from the EF model (cached per type), so a
/// column added to an entity is written without touching this class; a shadow property, which
/// has no value on the object, is refused.
/// </summary>
internal sealed partial class BulkWriter(ApplicationDbContext db) : IBulkWriter
{
    private static readonly ConcurrentDictionary<Type, Table> Tables = new();

    public async Task InsertAsync<T>(
        IReadOnlyCollection<T> rows,
        CancellationToken cancellationToken
    )
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        RequireTransaction();
        var table = TableOf(typeof(T));
        // Binary COPY (ADR 0087): the rows go to PostgreSQL as they are stored, and it inserts
        // them a page at a time (heap_multi_insert, one WAL record per page rather than per row)
        // instead of expanding one array per column through unnest and inserting row by row.
        // Foreign keys, checks, indexes and statement triggers apply as for INSERT. The COPY runs
        // on the context's connection, inside its transaction.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var import = await connection.BeginBinaryImportAsync(
            table.CopySql,
            cancellationToken
        );
        var columns = table.Inserted;
        foreach (var row in rows)
        {
            await import.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                await column.WriteAsync(import, row, cancellationToken);
            }
        }

        await import.CompleteAsync(cancellationToken);
    }

    public Task UpdateAsync<T>(
        IReadOnlyCollection<T> rows,
        IReadOnlyList<string> properties,
        CancellationToken cancellationToken
    )
        where T : class
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var table = TableOf(typeof(T));
        var keys = table.Columns.Where(c => c.IsKey).ToList();
        var set = properties
            .Select(p =>
                table.Columns.SingleOrDefault(c => c.Property == p && !c.IsKey)
                ?? throw new ArgumentException($"{typeof(T).Name} has no non-key property {p}.")
            )
            .ToList();
        var columns = keys.Concat(set).ToList();
        var sql = new StringBuilder()
            .Append("UPDATE ")
            .Append(table.Name)
            .Append(" AS t SET ")
            .AppendJoin(", ", set.Select(c => $"{c.Name} = v.{c.Name}"))
            .Append(" FROM unnest(")
            .AppendJoin(", ", columns.Select((c, i) => $"@p{i}::{c.StoreType}[]"))
            .Append(") AS v (")
            .AppendJoin(", ", columns.Select(c => c.Name))
            .Append(") WHERE ")
            .AppendJoin(" AND ", keys.Select(c => $"t.{c.Name} = v.{c.Name}"))
            // The same keys again as `= ANY(array)`: the planner then reads only the batch's rows
            // through an index. Joined with `unnest` alone it hashes the whole table (a sequential
            // scan per batch, 37 ms at 40,000 templates and growing with the table, ADR 0022).
            .Append(" AND ")
            .AppendJoin(
                " AND ",
                keys.Select((c, i) => $"t.{c.Name} = ANY(@p{i}::{c.StoreType}[])")
            );
        return ExecuteAsync(sql.ToString(), columns, rows, cancellationToken);
    }

    private async Task ExecuteAsync<T>(
        string sql,
        IReadOnlyList<Column> columns,
        IReadOnlyCollection<T> rows,
        CancellationToken cancellationToken
    )
        where T : class
    {
        RequireTransaction();
        var parameters = new object[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var values = Array.CreateInstance(column.ElementType, rows.Count);
            var row = 0;
            foreach (var entity in rows)
            {
                values.SetValue(column.Read(entity), row++);
            }

            parameters[i] = new NpgsqlParameter($"p{i}", values);
        }

        await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
    }

    private void RequireTransaction()
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException(
                "Bulk writes run inside the command's transaction."
            );
        }
    }

    private Table TableOf(Type type) => Tables.GetOrAdd(type, t => Table.Of(db.Model, t));

    private sealed record Table(string Name, IReadOnlyList<Column> Columns)
    {
        /// <summary>The columns an insert writes: all but those the database fills.</summary>
        public IReadOnlyList<Column> Inserted { get; } =
            Columns.Where(c => !c.FilledByDatabase).ToList();

        public string CopySql { get; } =
            $"COPY {Name} ({string.Join(", ", Columns.Where(c => !c.FilledByDatabase).Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)";

        public static Table Of(IModel model, Type type)
        {
            var entity =
                model.FindEntityType(type)
                ?? throw new InvalidOperationException($"{type.Name} is not an entity.");
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties;
            // Flattened: a complex type's columns (an expense's CreatedBy, ADR 0084) are the
            // entity's columns too.
            var columns = entity
                .GetFlattenedProperties()
                .Select(p => Column.Of(p, store, key.Contains(p)))
                .ToList();
            var name = store.Schema is null
                ? Quote(store.Name)
                : $"{Quote(store.Schema)}.{Quote(store.Name)}";
            return new Table(name, columns);
        }
    }

    private sealed partial record Column(
        string Property,
        string Name,
        string StoreType,
        Type ElementType,
        bool IsKey,
        bool FilledByDatabase,
        Func<object, object?> Read,
        ValueWriter Writer
    )
    {
        /// <summary>
        /// The store type as COPY names it on the wire: without facets (<c>character varying(200)</c>
        /// is <c>character varying</c>), which the binary format does not carry.
        /// </summary>
        private string WireType { get; } = Facets().Replace(StoreType, "");

        public Task WriteAsync(
            NpgsqlBinaryImporter import,
            object entity,
            CancellationToken cancellationToken
        ) =>
            Read(entity) is { } value
                ? Writer.WriteAsync(import, value, WireType, cancellationToken)
                : import.WriteNullAsync(cancellationToken);

        public static Column Of(IProperty property, StoreObjectIdentifier store, bool isKey)
        {
            if (property.IsShadowProperty())
            {
                throw new NotSupportedException(
                    $"{property.DeclaringType.DisplayName()}.{property.Name} is a shadow property: bulk writes need a value on the object."
                );
            }

            var getter = property.GetGetter();
            var path = ComplexPathOf(property);
            var converter = property.GetTypeMapping().Converter;
            var provider = converter?.ProviderClrType ?? property.ClrType;
            provider = Nullable.GetUnderlyingType(provider) ?? provider;
            var element = provider.IsValueType
                ? typeof(Nullable<>).MakeGenericType(provider)
                : provider;
            var filled =
                property.GetValueGenerationStrategy(store) != NpgsqlValueGenerationStrategy.None
                || property.GetComputedColumnSql(store) is not null;
            return new Column(
                PathOf(property),
                Quote(property.GetColumnName(store)!),
                property.GetColumnType(store),
                element,
                isKey,
                filled,
                entity =>
                {
                    // Through each complex type that holds the property: null when an optional
                    // one (an expense's Voided) is null, so its columns stay NULL.
                    var container = (object?)entity;
                    foreach (var complex in path)
                    {
                        container = complex.GetGetter().GetClrValue(container!);
                        if (container is null)
                        {
                            return null;
                        }
                    }

                    var value = getter.GetClrValue(container!);
                    return value is null ? null
                        : converter is null ? value
                        : converter.ConvertToProvider(value);
                },
                (ValueWriter)
                    Activator.CreateInstance(typeof(ValueWriter<>).MakeGenericType(provider))!
            );
        }

        private static IReadOnlyList<IComplexProperty> ComplexPathOf(IPropertyBase member) =>
            member.DeclaringType is IComplexType complex
                ? [.. ComplexPathOf(complex.ComplexProperty), complex.ComplexProperty]
                : [];

        /// <summary>A complex type's property by its path (<c>CreatedBy.UserId</c>), others by name.</summary>
        private static string PathOf(IPropertyBase member) =>
            member.DeclaringType is IComplexType complex
                ? $"{PathOf(complex.ComplexProperty)}.{member.Name}"
                : member.Name;

        [GeneratedRegex(@"\(\s*\d+\s*(,\s*\d+\s*)?\)")]
        private static partial Regex Facets();
    }

    /// <summary>Writes a provider value with its own CLR type, so Npgsql picks its converter by type.</summary>
    private abstract class ValueWriter
    {
        public abstract Task WriteAsync(
            NpgsqlBinaryImporter import,
            object value,
            string dataTypeName,
            CancellationToken cancellationToken
        );
    }

    private sealed class ValueWriter<TValue> : ValueWriter
    {
        public override Task WriteAsync(
            NpgsqlBinaryImporter import,
            object value,
            string dataTypeName,
            CancellationToken cancellationToken
        ) => import.WriteAsync((TValue)value, dataTypeName, cancellationToken);
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"")}\"";
}
