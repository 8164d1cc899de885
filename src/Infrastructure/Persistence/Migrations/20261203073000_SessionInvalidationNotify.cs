using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Every change that can end a session (a token's or an authorization's status, its deletion,
    /// a user's security stamp, lockout or activity) notifies the API hosts on commit, naming the
    /// subject, so that their in-memory session caches forget it (ADR 0020). No model change.
    /// </summary>
    [DbContext(typeof(ApplicationDbContext))]
    [Migration("20261203073000_SessionInvalidationNotify")]
    public partial class SessionInvalidationNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE FUNCTION ledger_notify_session_change() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME = 'asp_net_users' THEN
                        PERFORM pg_notify('ledger_sessions', 's:' || OLD.id::text);
                    ELSIF OLD.subject IS NOT NULL THEN
                        PERFORM pg_notify('ledger_sessions', 's:' || OLD.subject);
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER session_change_on_update AFTER UPDATE ON open_iddict_tokens
                    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
                    EXECUTE FUNCTION ledger_notify_session_change();
                CREATE TRIGGER session_change_on_delete AFTER DELETE ON open_iddict_tokens
                    FOR EACH ROW EXECUTE FUNCTION ledger_notify_session_change();
                CREATE TRIGGER session_change_on_update AFTER UPDATE ON open_iddict_authorizations
                    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
                    EXECUTE FUNCTION ledger_notify_session_change();
                CREATE TRIGGER session_change_on_delete AFTER DELETE ON open_iddict_authorizations
                    FOR EACH ROW EXECUTE FUNCTION ledger_notify_session_change();
                CREATE TRIGGER session_change_on_update AFTER UPDATE ON asp_net_users
                    FOR EACH ROW WHEN (
                        OLD.security_stamp IS DISTINCT FROM NEW.security_stamp
                        OR OLD.lockout_end IS DISTINCT FROM NEW.lockout_end
                        OR OLD.is_active IS DISTINCT FROM NEW.is_active)
                    EXECUTE FUNCTION ledger_notify_session_change();
                CREATE TRIGGER session_change_on_delete AFTER DELETE ON asp_net_users
                    FOR EACH ROW EXECUTE FUNCTION ledger_notify_session_change();
                """
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER session_change_on_update ON open_iddict_tokens;
                DROP TRIGGER session_change_on_delete ON open_iddict_tokens;
                DROP TRIGGER session_change_on_update ON open_iddict_authorizations;
                DROP TRIGGER session_change_on_delete ON open_iddict_authorizations;
                DROP TRIGGER session_change_on_update ON asp_net_users;
                DROP TRIGGER session_change_on_delete ON asp_net_users;
                DROP FUNCTION ledger_notify_session_change();
                """
            );
        }
    }
}
