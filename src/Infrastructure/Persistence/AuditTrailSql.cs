namespace Ledger.Infrastructure.Persistence;

/// <summary>SQL that makes <c>audit_events</c> append-only at the database level.</summary>
internal static class AuditTrailSql
{
    public const string CreateAppendOnlyGuard = """
        CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'restrict_violation';
        END;
        $$;
        CREATE TRIGGER audit_events_append_only
            BEFORE UPDATE OR DELETE ON audit_events
            FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
        """;

    public const string DropAppendOnlyGuard = """
        DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events;
        DROP FUNCTION IF EXISTS audit_events_append_only();
        """;
}
