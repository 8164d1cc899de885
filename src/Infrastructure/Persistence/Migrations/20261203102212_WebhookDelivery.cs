using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Webhook delivery (ADR 0032): the per-subscription delivery queue and its log, the
    /// subscription's failing/disabled state and rotated secret, and the triggers that wake the
    /// relay: one <c>ledger_webhooks</c> notification per statement that inserts outbox events or
    /// deliveries, sent by PostgreSQL on COMMIT (never for a rolled-back change).
    /// </summary>
    public partial class WebhookDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "disabled_at",
                table: "webhook_subscriptions",
                type: "timestamp with time zone",
                nullable: true
            );

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "failing_since",
                table: "webhook_subscriptions",
                type: "timestamp with time zone",
                nullable: true
            );

            migrationBuilder.AddColumn<string>(
                name: "previous_secret",
                table: "webhook_subscriptions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true
            );

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "previous_secret_expires_at",
                table: "webhook_subscriptions",
                type: "timestamp with time zone",
                nullable: true
            );

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table
                        .Column<long>(type: "bigint", nullable: false)
                        .Annotation(
                            "Npgsql:ValueGenerationStrategy",
                            NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
                        ),
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    body = table.Column<string>(
                        type: "character varying(8000)",
                        maxLength: 8000,
                        nullable: false
                    ),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    next_attempt_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    completed_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_deliveries", x => x.id);
                }
            );

            migrationBuilder.CreateTable(
                name: "webhook_delivery_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    delivery_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    event_type = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    attempt = table.Column<int>(type: "integer", nullable: false),
                    attempted_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    status_code = table.Column<int>(type: "integer", nullable: true),
                    duration_ms = table.Column<int>(type: "integer", nullable: false),
                    outcome = table.Column<string>(
                        type: "character varying(32)",
                        maxLength: 32,
                        nullable: false
                    ),
                    response_snippet = table.Column<string>(
                        type: "character varying(200)",
                        maxLength: 200,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_delivery_attempts", x => x.id);
                }
            );

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_completed_at",
                table: "webhook_deliveries",
                column: "completed_at",
                filter: "completed_at IS NOT NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_pending",
                table: "webhook_deliveries",
                columns: new[] { "subscription_id", "sequence" },
                filter: "status = 'Pending'"
            );

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_subscription_id_event_id",
                table: "webhook_deliveries",
                columns: new[] { "subscription_id", "event_id" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_webhook_delivery_attempts_attempted_at",
                table: "webhook_delivery_attempts",
                column: "attempted_at"
            );

            migrationBuilder.CreateIndex(
                name: "ix_webhook_delivery_attempts_subscription_id_attempted_at",
                table: "webhook_delivery_attempts",
                columns: new[] { "subscription_id", "attempted_at" }
            );

            migrationBuilder.Sql(
                """
                CREATE FUNCTION ledger_notify_webhooks() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('ledger_webhooks', '');
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER webhooks_wake_on_outbox AFTER INSERT ON outbox_messages
                    FOR EACH STATEMENT EXECUTE FUNCTION ledger_notify_webhooks();
                CREATE TRIGGER webhooks_wake_on_delivery AFTER INSERT ON webhook_deliveries
                    FOR EACH STATEMENT EXECUTE FUNCTION ledger_notify_webhooks();
                """
            );
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER webhooks_wake_on_outbox ON outbox_messages;
                DROP TRIGGER webhooks_wake_on_delivery ON webhook_deliveries;
                DROP FUNCTION ledger_notify_webhooks();
                """
            );

            migrationBuilder.DropTable(name: "webhook_deliveries");

            migrationBuilder.DropTable(name: "webhook_delivery_attempts");

            migrationBuilder.DropColumn(name: "disabled_at", table: "webhook_subscriptions");

            migrationBuilder.DropColumn(name: "failing_since", table: "webhook_subscriptions");

            migrationBuilder.DropColumn(name: "previous_secret", table: "webhook_subscriptions");

            migrationBuilder.DropColumn(
                name: "previous_secret_expires_at",
                table: "webhook_subscriptions"
            );
        }
    }
}
