using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Ledger.Infrastructure.Configuration;

/// <summary>Where the database and Redis are. Nothing here has a default: missing means missing.</summary>
public static class ConnectionSettings
{
    public const string DatabaseName = "Ledger";
    public const string RedisName = "Redis";

    /// <summary>
    /// The PostgreSQL connection string from <c>ConnectionStrings:Ledger</c>, or else from
    /// <c>DATABASE_URL</c> (a <c>postgres://user:password@host:port/database</c> URI).
    /// </summary>
    public static string? Database(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseName);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return WithoutResetOnClose(connectionString);
        }

        var url = configuration["DATABASE_URL"];
        return string.IsNullOrWhiteSpace(url) ? null : WithoutResetOnClose(FromUrl(url));
    }

    /// <summary>
    /// No <c>DISCARD ALL</c> before every pooled command (ADR 0021): nothing here leaves session
    /// state behind on a pooled connection. A connection string that says otherwise wins.
    /// </summary>
    private static string WithoutResetOnClose(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.ContainsKey("No Reset On Close") || given.ContainsKey("NoResetOnClose")
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString)
            {
                NoResetOnClose = true,
            }.ConnectionString;
    }

    public static string? Redis(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(RedisName);
        return string.IsNullOrWhiteSpace(connectionString) ? null : connectionString;
    }

    private static string FromUrl(string url)
    {
        if (
            !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("postgres" or "postgresql")
        )
        {
            throw new InvalidOperationException("DATABASE_URL must be a postgres:// URI.");
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = Uri.UnescapeDataString(credentials[0]),
        };
        if (credentials.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(credentials[1]);
        }

        return builder.ConnectionString;
    }
}
