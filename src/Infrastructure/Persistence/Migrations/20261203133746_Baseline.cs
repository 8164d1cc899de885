using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ledger.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The whole schema in one migration (nothing was deployed before it; issue 15 point 7 squashed
    /// the 15 earlier migrations into this one). The scaffolded part is what the model describes;
    /// <see cref="AddWhatTheModelCannotDescribe"/> adds, after the tables it needs, what EF cannot
    /// model: the users foreign keys of the strongly typed user ids, the append-only guard of the
    /// audit trail and the NOTIFY triggers of session invalidation and of the webhook relay.
    /// </summary>
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "asp_net_roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(
                        type: "character varying(256)",
                        maxLength: 256,
                        nullable: true
                    ),
                    normalized_name = table.Column<string>(
                        type: "character varying(256)",
                        maxLength: 256,
                        nullable: true
                    ),
                    concurrency_stamp = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_roles", x => x.id);
                }
            );

            migrationBuilder.CreateTable(
                name: "asp_net_users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    user_name = table.Column<string>(
                        type: "character varying(256)",
                        maxLength: 256,
                        nullable: true
                    ),
                    normalized_user_name = table.Column<string>(
                        type: "character varying(256)",
                        maxLength: 256,
                        nullable: true
                    ),
                    email = table.Column<string>(
                        type: "character varying(256)",
                        maxLength: 256,
                        nullable: true
                    ),
                    normalized_email = table.Column<string>(
                        type: "character varying(256)",
                        maxLength: 256,
                        nullable: true
                    ),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    security_stamp = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    concurrency_stamp = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    phone_number = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_users", x => x.id);
                }
            );

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    action = table.Column<string>(
                        type: "character varying(64)",
                        maxLength: 64,
                        nullable: false
                    ),
                    record_type = table.Column<string>(
                        type: "character varying(64)",
                        maxLength: 64,
                        nullable: false
                    ),
                    record_id = table.Column<string>(
                        type: "character varying(64)",
                        maxLength: 64,
                        nullable: false
                    ),
                    occurred_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    reason = table.Column<string>(
                        type: "character varying(500)",
                        maxLength: 500,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                }
            );

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table
                        .Column<int>(type: "integer", nullable: false)
                        .Annotation(
                            "Npgsql:ValueGenerationStrategy",
                            NpgsqlValueGenerationStrategy.IdentityByDefaultColumn
                        ),
                    friendly_name = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    xml = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                }
            );

            migrationBuilder.CreateTable(
                name: "groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    default_currency = table.Column<string>(
                        type: "character(3)",
                        fixedLength: true,
                        maxLength: 3,
                        nullable: false
                    ),
                    time_zone_id = table.Column<string>(
                        type: "character varying(64)",
                        maxLength: 64,
                        nullable: false
                    ),
                    status = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    archived_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    deleted_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    deleted_by = table.Column<Guid>(type: "uuid", nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_groups", x => x.id);
                }
            );

            migrationBuilder.CreateTable(
                name: "idempotency_keys",
                columns: table => new
                {
                    caller = table.Column<string>(
                        type: "character varying(110)",
                        maxLength: 110,
                        nullable: false
                    ),
                    key = table.Column<string>(
                        type: "character varying(255)",
                        maxLength: 255,
                        nullable: false
                    ),
                    request_hash = table.Column<string>(
                        type: "character(64)",
                        fixedLength: true,
                        maxLength: 64,
                        nullable: false
                    ),
                    response_json = table.Column<string>(
                        type: "text",
                        maxLength: 4000,
                        nullable: true
                    ),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    expires_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_idempotency_keys", x => new { x.caller, x.key });
                }
            );

            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    job_name = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    trigger_name = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    node = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    started_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    timeout = table.Column<TimeSpan>(type: "interval", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    status = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    result = table.Column<string>(
                        type: "character varying(500)",
                        maxLength: 500,
                        nullable: true
                    ),
                    error = table.Column<string>(
                        type: "character varying(500)",
                        maxLength: 500,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_job_runs", x => x.id);
                }
            );

            migrationBuilder.CreateTable(
                name: "open_iddict_applications",
                columns: table => new
                {
                    id = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: false
                    ),
                    application_type = table.Column<string>(
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: true
                    ),
                    client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    client_secret = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    client_type = table.Column<string>(
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: true
                    ),
                    concurrency_token = table.Column<string>(
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: true
                    ),
                    consent_type = table.Column<string>(
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: true
                    ),
                    display_name = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    display_names = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    json_web_key_set = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    permissions = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    post_logout_redirect_uris = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    properties = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    redirect_uris = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    requirements = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    settings = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open_iddict_applications", x => x.id);
                }
            );

            migrationBuilder.CreateTable(
                name: "open_iddict_scopes",
                columns: table => new
                {
                    id = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: false
                    ),
                    concurrency_token = table.Column<string>(
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: true
                    ),
                    description = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    descriptions = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    display_name = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    display_names = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    name = table.Column<string>(
                        type: "character varying(200)",
                        maxLength: 200,
                        nullable: true
                    ),
                    properties = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    resources = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open_iddict_scopes", x => x.id);
                }
            );

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table
                        .Column<long>(type: "bigint", nullable: false)
                        .Annotation(
                            "Npgsql:ValueGenerationStrategy",
                            NpgsqlValueGenerationStrategy.IdentityAlwaysColumn
                        ),
                    type = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    version = table.Column<int>(type: "integer", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payload = table.Column<string>(type: "jsonb", maxLength: 4000, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    processed_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                }
            );

            migrationBuilder.CreateTable(
                name: "outgoing_emails",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(
                        type: "character varying(40)",
                        maxLength: 40,
                        nullable: false
                    ),
                    protected_token = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: false
                    ),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    sent_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    given_up_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    last_error = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outgoing_emails", x => x.id);
                }
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

            migrationBuilder.CreateTable(
                name: "asp_net_role_claims",
                columns: table => new
                {
                    id = table
                        .Column<int>(type: "integer", nullable: false)
                        .Annotation(
                            "Npgsql:ValueGenerationStrategy",
                            NpgsqlValueGenerationStrategy.IdentityByDefaultColumn
                        ),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    claim_value = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_role_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_role_claims_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "asp_net_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "asp_net_user_claims",
                columns: table => new
                {
                    id = table
                        .Column<int>(type: "integer", nullable: false)
                        .Annotation(
                            "Npgsql:ValueGenerationStrategy",
                            NpgsqlValueGenerationStrategy.IdentityByDefaultColumn
                        ),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    claim_value = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_claims", x => x.id);
                    table.ForeignKey(
                        name: "fk_asp_net_user_claims_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "asp_net_user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: false
                    ),
                    provider_key = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: false
                    ),
                    provider_display_name = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey(
                        "pk_asp_net_user_logins",
                        x => new { x.login_provider, x.provider_key }
                    );
                    table.ForeignKey(
                        name: "fk_asp_net_user_logins_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "asp_net_user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asp_net_user_roles", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_roles_role_id",
                        column: x => x.role_id,
                        principalTable: "asp_net_roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade
                    );
                    table.ForeignKey(
                        name: "fk_asp_net_user_roles_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "asp_net_user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: false
                    ),
                    name = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: false
                    ),
                    value = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey(
                        "pk_asp_net_user_tokens",
                        x => new
                        {
                            x.user_id,
                            x.login_provider,
                            x.name,
                        }
                    );
                    table.ForeignKey(
                        name: "fk_asp_net_user_tokens_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "asp_net_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "chores",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    description = table.Column<string>(
                        type: "character varying(1000)",
                        maxLength: 1000,
                        nullable: true
                    ),
                    rotation = table.Column<string>(
                        type: "character varying(32)",
                        maxLength: 32,
                        nullable: false
                    ),
                    time_zone_id = table.Column<string>(
                        type: "character varying(64)",
                        maxLength: 64,
                        nullable: true
                    ),
                    next_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    last_due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    turn_sequence = table.Column<long>(type: "bigint", nullable: false),
                    history_sequence = table.Column<long>(type: "bigint", nullable: false),
                    archived_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    version = table.Column<int>(type: "integer", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    updated_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    frequency_day_of_month = table.Column<int>(type: "integer", nullable: true),
                    frequency_interval_days = table.Column<int>(type: "integer", nullable: true),
                    frequency_kind = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    frequency_weekday_mask = table.Column<int>(type: "integer", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chores", x => x.id);
                    table.CheckConstraint(
                        "ck_chores_personal_or_group",
                        "(group_id IS NULL) <> (owner_user_id IS NULL)"
                    );
                    table.CheckConstraint(
                        "ck_chores_time_zone",
                        "(group_id IS NULL) = (time_zone_id IS NOT NULL)"
                    );
                    table.ForeignKey(
                        name: "fk_chores_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "expenses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(
                        type: "character varying(200)",
                        maxLength: 200,
                        nullable: false
                    ),
                    category = table.Column<string>(
                        type: "character varying(32)",
                        maxLength: 32,
                        nullable: false
                    ),
                    note = table.Column<string>(
                        type: "character varying(2000)",
                        maxLength: 2000,
                        nullable: true
                    ),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    currency = table.Column<string>(
                        type: "character(3)",
                        fixedLength: true,
                        maxLength: 3,
                        nullable: false
                    ),
                    total_minor_units = table.Column<long>(type: "bigint", nullable: false),
                    split_type = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    rest_split_type = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: true
                    ),
                    list_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    updated_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    version = table.Column<int>(type: "integer", nullable: false),
                    voided_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    voided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    voided_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    void_reason = table.Column<string>(
                        type: "character varying(500)",
                        maxLength: 500,
                        nullable: true
                    ),
                    import_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expenses", x => new { x.group_id, x.id });
                    table.CheckConstraint(
                        "ck_expenses_one_creator",
                        "(created_by_user_id IS NULL) <> (created_by_client_id IS NULL)"
                    );
                    table.CheckConstraint("ck_expenses_total_positive", "total_minor_units > 0");
                    table.CheckConstraint(
                        "ck_expenses_void_complete",
                        "(voided_at IS NULL) = (void_reason IS NULL)"
                    );
                    table.ForeignKey(
                        name: "fk_expenses_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "group_deletion_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(
                        type: "character varying(64)",
                        maxLength: 64,
                        nullable: false
                    ),
                    requested_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    expires_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    used_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_group_deletion_requests", x => new { x.group_id, x.id });
                    table.ForeignKey(
                        name: "fk_group_deletion_requests_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "integration_grants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    scopes = table.Column<List<string>>(type: "text[]", nullable: false),
                    granted_by = table.Column<Guid>(type: "uuid", nullable: false),
                    granted_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    revoked_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_integration_grants", x => new { x.group_id, x.id });
                    table.ForeignKey(
                        name: "fk_integration_grants_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "invites",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code_hash = table.Column<string>(
                        type: "character varying(64)",
                        maxLength: 64,
                        nullable: false
                    ),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    expires_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    max_uses = table.Column<int>(type: "integer", nullable: false),
                    uses = table.Column<int>(type: "integer", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invites", x => new { x.group_id, x.id });
                    table.ForeignKey(
                        name: "fk_invites_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "lists",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    currency = table.Column<string>(
                        type: "character(3)",
                        fixedLength: true,
                        maxLength: 3,
                        nullable: false
                    ),
                    archived_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    version = table.Column<int>(type: "integer", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    created_by = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    updated_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lists", x => x.id);
                    table.CheckConstraint(
                        "ck_lists_personal_or_group",
                        "(group_id IS NULL) <> (owner_user_id IS NULL)"
                    );
                    table.ForeignKey(
                        name: "fk_lists_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "member_balances",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(
                        type: "character(3)",
                        fixedLength: true,
                        maxLength: 3,
                        nullable: false
                    ),
                    net_minor_units = table.Column<long>(type: "bigint", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey(
                        "pk_member_balances",
                        x => new
                        {
                            x.group_id,
                            x.user_id,
                            x.currency,
                        }
                    );
                    table.ForeignKey(
                        name: "fk_member_balances_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    joined_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    left_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    removed = table.Column<bool>(type: "boolean", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_memberships", x => new { x.group_id, x.id });
                    table.ForeignKey(
                        name: "fk_memberships_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "recurring_expenses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(
                        type: "character varying(200)",
                        maxLength: 200,
                        nullable: false
                    ),
                    category = table.Column<string>(
                        type: "character varying(32)",
                        maxLength: 32,
                        nullable: false
                    ),
                    note = table.Column<string>(
                        type: "character varying(2000)",
                        maxLength: 2000,
                        nullable: true
                    ),
                    currency = table.Column<string>(
                        type: "character(3)",
                        fixedLength: true,
                        maxLength: 3,
                        nullable: false
                    ),
                    total_minor_units = table.Column<long>(type: "bigint", nullable: false),
                    split_type = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    frequency = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    interval = table.Column<int>(type: "integer", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    weekday_mask = table.Column<int>(type: "integer", nullable: false),
                    until_date = table.Column<DateOnly>(type: "date", nullable: true),
                    max_occurrences = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    generate_from = table.Column<DateOnly>(type: "date", nullable: false),
                    last_occurrence_date = table.Column<DateOnly>(type: "date", nullable: true),
                    generated_count = table.Column<int>(type: "integer", nullable: false),
                    next_occurrence_date = table.Column<DateOnly>(type: "date", nullable: true),
                    next_due_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    suspended_reason = table.Column<string>(
                        type: "character varying(64)",
                        maxLength: 64,
                        nullable: true
                    ),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    updated_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    ended_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    version = table.Column<int>(type: "integer", nullable: false),
                    members = table.Column<string>(type: "jsonb", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recurring_expenses", x => new { x.group_id, x.id });
                    table.CheckConstraint(
                        "ck_recurring_expenses_interval",
                        "interval BETWEEN 1 AND 366"
                    );
                    table.CheckConstraint(
                        "ck_recurring_expenses_one_creator",
                        "(created_by_user_id IS NULL) <> (created_by_client_id IS NULL)"
                    );
                    table.CheckConstraint(
                        "ck_recurring_expenses_total_positive",
                        "total_minor_units > 0"
                    );
                    table.ForeignKey(
                        name: "fk_recurring_expenses_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "settlements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(
                        type: "character(3)",
                        fixedLength: true,
                        maxLength: 3,
                        nullable: false
                    ),
                    amount_minor_units = table.Column<long>(type: "bigint", nullable: false),
                    note = table.Column<string>(
                        type: "character varying(500)",
                        maxLength: 500,
                        nullable: true
                    ),
                    status = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    recorded_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    decided_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    version = table.Column<int>(type: "integer", nullable: false),
                    voided_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    voided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    voided_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    void_reason = table.Column<string>(
                        type: "character varying(500)",
                        maxLength: 500,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_settlements", x => new { x.group_id, x.id });
                    table.CheckConstraint(
                        "ck_settlements_amount_positive",
                        "amount_minor_units > 0"
                    );
                    table.CheckConstraint(
                        "ck_settlements_one_recorder",
                        "(recorded_by_user_id IS NULL) <> (recorded_by_client_id IS NULL)"
                    );
                    table.CheckConstraint(
                        "ck_settlements_two_members",
                        "from_user_id <> to_user_id"
                    );
                    table.CheckConstraint(
                        "ck_settlements_void_complete",
                        "(voided_at IS NULL) = (void_reason IS NULL)"
                    );
                    table.ForeignKey(
                        name: "fk_settlements_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "webhook_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    url = table.Column<string>(
                        type: "character varying(2000)",
                        maxLength: 2000,
                        nullable: false
                    ),
                    secret = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: false
                    ),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    previous_secret = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    previous_secret_expires_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    failing_since = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    disabled_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_webhook_subscriptions_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "open_iddict_authorizations",
                columns: table => new
                {
                    id = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: false
                    ),
                    application_id = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    concurrency_token = table.Column<string>(
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: true
                    ),
                    creation_date = table.Column<DateTime>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    properties = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    scopes = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    status = table.Column<string>(
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: true
                    ),
                    subject = table.Column<string>(
                        type: "character varying(400)",
                        maxLength: 400,
                        nullable: true
                    ),
                    type = table.Column<string>(
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open_iddict_authorizations", x => x.id);
                    table.ForeignKey(
                        name: "fk_open_iddict_authorizations_open_iddict_applications_applica",
                        column: x => x.application_id,
                        principalTable: "open_iddict_applications",
                        principalColumn: "id"
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "chore_assignments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chore_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    completed_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    completed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    skipped_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    skipped_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    version = table.Column<int>(type: "integer", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chore_assignments", x => x.id);
                    table.ForeignKey(
                        name: "fk_chore_assignments_chores_chore_id",
                        column: x => x.chore_id,
                        principalTable: "chores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_chore_assignments_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "chore_participants",
                columns: table => new
                {
                    chore_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    position = table.Column<int>(type: "integer", nullable: false),
                    turns = table.Column<int>(type: "integer", nullable: false),
                    completions = table.Column<int>(type: "integer", nullable: false),
                    last_turn = table.Column<long>(type: "bigint", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chore_participants", x => new { x.chore_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_chore_participants_chores_chore_id",
                        column: x => x.chore_id,
                        principalTable: "chores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_chore_participants_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "expense_items",
                columns: table => new
                {
                    expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    for_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    price_minor_units = table.Column<long>(type: "bigint", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey(
                        "pk_expense_items",
                        x => new
                        {
                            x.group_id,
                            x.expense_id,
                            x.list_item_id,
                        }
                    );
                    table.CheckConstraint(
                        "ck_expense_items_price_positive",
                        "price_minor_units > 0"
                    );
                    table.ForeignKey(
                        name: "fk_expense_items_expenses_group_id_expense_id",
                        columns: x => new { x.group_id, x.expense_id },
                        principalTable: "expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "expense_payers",
                columns: table => new
                {
                    expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    paid_minor_units = table.Column<long>(type: "bigint", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey(
                        "pk_expense_payers",
                        x => new
                        {
                            x.group_id,
                            x.expense_id,
                            x.user_id,
                        }
                    );
                    table.CheckConstraint(
                        "ck_expense_payers_paid_positive",
                        "paid_minor_units > 0"
                    );
                    table.ForeignKey(
                        name: "fk_expense_payers_expenses_group_id_expense_id",
                        columns: x => new { x.group_id, x.expense_id },
                        principalTable: "expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "expense_splits",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(
                        type: "character(3)",
                        fixedLength: true,
                        maxLength: 3,
                        nullable: false
                    ),
                    weight = table.Column<decimal>(type: "numeric", nullable: true),
                    owed_minor_units = table.Column<long>(type: "bigint", nullable: false),
                    covered_by_own_payment_minor_units = table.Column<long>(
                        type: "bigint",
                        nullable: false
                    ),
                    settled_minor_units = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_expense_splits", x => new { x.group_id, x.id });
                    table.CheckConstraint("ck_expense_splits_owed", "owed_minor_units >= 0");
                    table.CheckConstraint(
                        "ck_expense_splits_settled",
                        "settled_minor_units BETWEEN covered_by_own_payment_minor_units AND owed_minor_units"
                    );
                    table.ForeignKey(
                        name: "fk_expense_splits_expenses_group_id_expense_id",
                        columns: x => new { x.group_id, x.expense_id },
                        principalTable: "expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "receipts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sha256 = table.Column<string>(
                        type: "character(64)",
                        fixedLength: true,
                        maxLength: 64,
                        nullable: false
                    ),
                    content_type = table.Column<string>(
                        type: "character varying(32)",
                        maxLength: 32,
                        nullable: false
                    ),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    uploaded_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    uploaded_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    detached_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    detached_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    detached_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_receipts", x => new { x.group_id, x.id });
                    table.CheckConstraint(
                        "ck_receipts_one_uploader",
                        "(uploaded_by_user_id IS NULL) <> (uploaded_by_client_id IS NULL)"
                    );
                    table.CheckConstraint("ck_receipts_size_positive", "size_bytes > 0");
                    table.ForeignKey(
                        name: "fk_receipts_expenses_group_id_expense_id",
                        columns: x => new { x.group_id, x.expense_id },
                        principalTable: "expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "list_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(
                        type: "character varying(200)",
                        maxLength: 200,
                        nullable: false
                    ),
                    quantity = table.Column<string>(
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: true
                    ),
                    position = table.Column<int>(type: "integer", nullable: false),
                    added_by = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    bought_by = table.Column<Guid>(type: "uuid", nullable: true),
                    bought_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    price_minor_units = table.Column<long>(type: "bigint", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false),
                    changed_at_revision = table.Column<long>(type: "bigint", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    removed_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    removed_by = table.Column<Guid>(type: "uuid", nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_list_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_list_items_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_list_items_lists_list_id",
                        column: x => x.list_id,
                        principalTable: "lists",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "recurring_expense_occurrences",
                columns: table => new
                {
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recurring_expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurrence_date = table.Column<DateOnly>(type: "date", nullable: false),
                    expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey(
                        "pk_recurring_expense_occurrences",
                        x => new
                        {
                            x.group_id,
                            x.recurring_expense_id,
                            x.occurrence_date,
                        }
                    );
                    table.ForeignKey(
                        name: "fk_recurring_expense_occurrences_expenses_group_id_expense_id",
                        columns: x => new { x.group_id, x.expense_id },
                        principalTable: "expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_recurring_expense_occurrences_recurring_expenses_group_id_r",
                        columns: x => new { x.group_id, x.recurring_expense_id },
                        principalTable: "recurring_expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "open_iddict_tokens",
                columns: table => new
                {
                    id = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: false
                    ),
                    application_id = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    authorization_id = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    concurrency_token = table.Column<string>(
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: true
                    ),
                    creation_date = table.Column<DateTime>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    expiration_date = table.Column<DateTime>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    payload = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    properties = table.Column<string>(
                        type: "character varying(4000)",
                        maxLength: 4000,
                        nullable: true
                    ),
                    redemption_date = table.Column<DateTime>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    reference_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    status = table.Column<string>(
                        type: "character varying(50)",
                        maxLength: 50,
                        nullable: true
                    ),
                    subject = table.Column<string>(
                        type: "character varying(400)",
                        maxLength: 400,
                        nullable: true
                    ),
                    type = table.Column<string>(
                        type: "character varying(150)",
                        maxLength: 150,
                        nullable: true
                    ),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_open_iddict_tokens", x => x.id);
                    table.ForeignKey(
                        name: "fk_open_iddict_tokens_open_iddict_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "open_iddict_applications",
                        principalColumn: "id"
                    );
                    table.ForeignKey(
                        name: "fk_open_iddict_tokens_open_iddict_authorizations_authorization",
                        column: x => x.authorization_id,
                        principalTable: "open_iddict_authorizations",
                        principalColumn: "id"
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "chore_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chore_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    actor_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    occurred_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assignee_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chore_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_chore_events_chore_assignments_assignment_id",
                        column: x => x.assignment_id,
                        principalTable: "chore_assignments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_chore_events_chores_chore_id",
                        column: x => x.chore_id,
                        principalTable: "chores",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_chore_events_groups_group_id",
                        column: x => x.group_id,
                        principalTable: "groups",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateTable(
                name: "split_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    group_id = table.Column<Guid>(type: "uuid", nullable: false),
                    expense_id = table.Column<Guid>(type: "uuid", nullable: false),
                    split_id = table.Column<Guid>(type: "uuid", nullable: false),
                    debtor_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    payee_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    currency = table.Column<string>(
                        type: "character(3)",
                        fixedLength: true,
                        maxLength: 3,
                        nullable: false
                    ),
                    amount_minor_units = table.Column<long>(type: "bigint", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    recorded_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    recorded_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: false
                    ),
                    voided_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    voided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    voided_by_client_id = table.Column<string>(
                        type: "character varying(100)",
                        maxLength: 100,
                        nullable: true
                    ),
                    void_reason = table.Column<string>(
                        type: "character varying(500)",
                        maxLength: 500,
                        nullable: true
                    ),
                    status = table.Column<string>(
                        type: "character varying(16)",
                        maxLength: 16,
                        nullable: false
                    ),
                    decided_at = table.Column<DateTimeOffset>(
                        type: "timestamp with time zone",
                        nullable: true
                    ),
                    version = table.Column<int>(type: "integer", nullable: false),
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_split_payments", x => new { x.group_id, x.id });
                    table.CheckConstraint(
                        "ck_split_payments_amount_positive",
                        "amount_minor_units > 0"
                    );
                    table.CheckConstraint(
                        "ck_split_payments_one_recorder",
                        "(recorded_by_user_id IS NULL) <> (recorded_by_client_id IS NULL)"
                    );
                    table.CheckConstraint(
                        "ck_split_payments_void_complete",
                        "(voided_at IS NULL) = (void_reason IS NULL)"
                    );
                    table.ForeignKey(
                        name: "fk_split_payments_expense_splits_group_id_split_id",
                        columns: x => new { x.group_id, x.split_id },
                        principalTable: "expense_splits",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                    table.ForeignKey(
                        name: "fk_split_payments_expenses_group_id_expense_id",
                        columns: x => new { x.group_id, x.expense_id },
                        principalTable: "expenses",
                        principalColumns: new[] { "group_id", "id" },
                        onDelete: ReferentialAction.Restrict
                    );
                }
            );

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_role_claims_role_id",
                table: "asp_net_role_claims",
                column: "role_id"
            );

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "asp_net_roles",
                column: "normalized_name",
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_claims_user_id",
                table: "asp_net_user_claims",
                column: "user_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_logins_user_id",
                table: "asp_net_user_logins",
                column: "user_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_asp_net_user_roles_role_id",
                table: "asp_net_user_roles",
                column: "role_id"
            );

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "asp_net_users",
                column: "normalized_email",
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "asp_net_users",
                column: "normalized_user_name",
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_group_id_occurred_at",
                table: "audit_events",
                columns: new[] { "group_id", "occurred_at" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_chore_assignments_chore_id_due_date",
                table: "chore_assignments",
                columns: new[] { "chore_id", "due_date" },
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_chore_assignments_group_id_assignee_user_id",
                table: "chore_assignments",
                columns: new[] { "group_id", "assignee_user_id" },
                filter: "status = 'Open'"
            );

            migrationBuilder.CreateIndex(
                name: "ix_chore_events_assignment_id",
                table: "chore_events",
                column: "assignment_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_chore_events_chore_id_sequence",
                table: "chore_events",
                columns: new[] { "chore_id", "sequence" },
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_chore_events_group_id",
                table: "chore_events",
                column: "group_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_chore_participants_group_id_user_id",
                table: "chore_participants",
                columns: new[] { "group_id", "user_id" },
                filter: "is_active"
            );

            migrationBuilder.CreateIndex(
                name: "ix_chores_group_id_id",
                table: "chores",
                columns: new[] { "group_id", "id" },
                filter: "group_id IS NOT NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_chores_next_due_date_id",
                table: "chores",
                columns: new[] { "next_due_date", "id" },
                filter: "archived_at IS NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_chores_owner_user_id_id",
                table: "chores",
                columns: new[] { "owner_user_id", "id" },
                filter: "owner_user_id IS NOT NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_expense_payers_group_id_user_id_expense_id",
                table: "expense_payers",
                columns: new[] { "group_id", "user_id", "expense_id" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_expense_splits_group_id_expense_id_user_id",
                table: "expense_splits",
                columns: new[] { "group_id", "expense_id", "user_id" },
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_expense_splits_group_id_user_id_expense_id",
                table: "expense_splits",
                columns: new[] { "group_id", "user_id", "expense_id" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_expenses_group_id_category_date_id",
                table: "expenses",
                columns: new[] { "group_id", "category", "date", "id" },
                descending: new[] { false, false, true, true }
            );

            migrationBuilder.CreateIndex(
                name: "ix_expenses_group_id_date_id",
                table: "expenses",
                columns: new[] { "group_id", "date", "id" },
                descending: new[] { false, true, true }
            );

            migrationBuilder.CreateIndex(
                name: "ix_expenses_group_id_import_id",
                table: "expenses",
                columns: new[] { "group_id", "import_id" },
                unique: true,
                filter: "import_id IS NOT NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_idempotency_keys_expires_at",
                table: "idempotency_keys",
                column: "expires_at"
            );

            migrationBuilder.CreateIndex(
                name: "ix_integration_grants_client_id",
                table: "integration_grants",
                column: "client_id",
                filter: "revoked_at IS NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_integration_grants_group_id_client_id",
                table: "integration_grants",
                columns: new[] { "group_id", "client_id" },
                unique: true,
                filter: "revoked_at IS NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_invites_code_hash",
                table: "invites",
                column: "code_hash"
            );

            migrationBuilder.CreateIndex(
                name: "ix_invites_group_id_code_hash",
                table: "invites",
                columns: new[] { "group_id", "code_hash" },
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_job_runs_job_name_started_at",
                table: "job_runs",
                columns: new[] { "job_name", "started_at" },
                descending: new[] { false, true }
            );

            migrationBuilder.CreateIndex(
                name: "ix_list_items_group_id",
                table: "list_items",
                column: "group_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_list_items_list_id_changed_at_revision",
                table: "list_items",
                columns: new[] { "list_id", "changed_at_revision" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_lists_group_id_id",
                table: "lists",
                columns: new[] { "group_id", "id" },
                filter: "group_id IS NOT NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_lists_owner_user_id_id",
                table: "lists",
                columns: new[] { "owner_user_id", "id" },
                filter: "owner_user_id IS NOT NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_memberships_group_id_user_id",
                table: "memberships",
                columns: new[] { "group_id", "user_id" },
                unique: true,
                filter: "left_at IS NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_memberships_user_id_group_id",
                table: "memberships",
                columns: new[] { "user_id", "group_id" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_open_iddict_applications_client_id",
                table: "open_iddict_applications",
                column: "client_id",
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_open_iddict_authorizations_application_id_status_subject_ty",
                table: "open_iddict_authorizations",
                columns: new[] { "application_id", "status", "subject", "type" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_open_iddict_scopes_name",
                table: "open_iddict_scopes",
                column: "name",
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_open_iddict_tokens_application_id_status_subject_type",
                table: "open_iddict_tokens",
                columns: new[] { "application_id", "status", "subject", "type" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_open_iddict_tokens_authorization_id",
                table: "open_iddict_tokens",
                column: "authorization_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_open_iddict_tokens_reference_id",
                table: "open_iddict_tokens",
                column: "reference_id",
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_unprocessed",
                table: "outbox_messages",
                column: "position",
                filter: "processed_at IS NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_emails_pending",
                table: "outgoing_emails",
                column: "next_attempt_at",
                filter: "sent_at IS NULL AND given_up_at IS NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_receipts_group_id_expense_id",
                table: "receipts",
                columns: new[] { "group_id", "expense_id" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_receipts_sha256",
                table: "receipts",
                column: "sha256"
            );

            migrationBuilder.CreateIndex(
                name: "ix_recurring_expense_occurrences_group_id_expense_id",
                table: "recurring_expense_occurrences",
                columns: new[] { "group_id", "expense_id" },
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_recurring_expenses_group_id_created_at",
                table: "recurring_expenses",
                columns: new[] { "group_id", "created_at" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_recurring_expenses_id",
                table: "recurring_expenses",
                column: "id",
                unique: true
            );

            migrationBuilder.CreateIndex(
                name: "ix_recurring_expenses_next_due_at",
                table: "recurring_expenses",
                column: "next_due_at",
                filter: "next_due_at IS NOT NULL"
            );

            migrationBuilder.CreateIndex(
                name: "ix_settlements_from_user_id",
                table: "settlements",
                column: "from_user_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_settlements_to_user_id",
                table: "settlements",
                column: "to_user_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_split_payments_debtor_user_id",
                table: "split_payments",
                column: "debtor_user_id"
            );

            migrationBuilder.CreateIndex(
                name: "ix_split_payments_group_id_expense_id_id",
                table: "split_payments",
                columns: new[] { "group_id", "expense_id", "id" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_split_payments_group_id_split_id",
                table: "split_payments",
                columns: new[] { "group_id", "split_id" }
            );

            migrationBuilder.CreateIndex(
                name: "ix_split_payments_payee_user_id",
                table: "split_payments",
                column: "payee_user_id"
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

            migrationBuilder.CreateIndex(
                name: "ix_webhook_subscriptions_group_id",
                table: "webhook_subscriptions",
                column: "group_id"
            );

            AddWhatTheModelCannotDescribe(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            DropWhatTheModelCannotDescribe(migrationBuilder);

            migrationBuilder.DropTable(name: "asp_net_role_claims");

            migrationBuilder.DropTable(name: "asp_net_user_claims");

            migrationBuilder.DropTable(name: "asp_net_user_logins");

            migrationBuilder.DropTable(name: "asp_net_user_roles");

            migrationBuilder.DropTable(name: "asp_net_user_tokens");

            migrationBuilder.DropTable(name: "audit_events");

            migrationBuilder.DropTable(name: "chore_events");

            migrationBuilder.DropTable(name: "chore_participants");

            migrationBuilder.DropTable(name: "data_protection_keys");

            migrationBuilder.DropTable(name: "expense_items");

            migrationBuilder.DropTable(name: "expense_payers");

            migrationBuilder.DropTable(name: "group_deletion_requests");

            migrationBuilder.DropTable(name: "idempotency_keys");

            migrationBuilder.DropTable(name: "integration_grants");

            migrationBuilder.DropTable(name: "invites");

            migrationBuilder.DropTable(name: "job_runs");

            migrationBuilder.DropTable(name: "list_items");

            migrationBuilder.DropTable(name: "member_balances");

            migrationBuilder.DropTable(name: "memberships");

            migrationBuilder.DropTable(name: "open_iddict_scopes");

            migrationBuilder.DropTable(name: "open_iddict_tokens");

            migrationBuilder.DropTable(name: "outbox_messages");

            migrationBuilder.DropTable(name: "outgoing_emails");

            migrationBuilder.DropTable(name: "receipts");

            migrationBuilder.DropTable(name: "recurring_expense_occurrences");

            migrationBuilder.DropTable(name: "settlements");

            migrationBuilder.DropTable(name: "split_payments");

            migrationBuilder.DropTable(name: "webhook_deliveries");

            migrationBuilder.DropTable(name: "webhook_delivery_attempts");

            migrationBuilder.DropTable(name: "webhook_subscriptions");

            migrationBuilder.DropTable(name: "asp_net_roles");

            migrationBuilder.DropTable(name: "asp_net_users");

            migrationBuilder.DropTable(name: "chore_assignments");

            migrationBuilder.DropTable(name: "lists");

            migrationBuilder.DropTable(name: "open_iddict_authorizations");

            migrationBuilder.DropTable(name: "recurring_expenses");

            migrationBuilder.DropTable(name: "expense_splits");

            migrationBuilder.DropTable(name: "chores");

            migrationBuilder.DropTable(name: "open_iddict_applications");

            migrationBuilder.DropTable(name: "expenses");

            migrationBuilder.DropTable(name: "groups");
        }

        /// <summary>
        /// The RESTRICT foreign keys to <c>asp_net_users</c> from columns typed as <c>UserId</c>:
        /// EF cannot relate the strongly typed id to Identity's Guid key, so they are added here by
        /// name. Users are anonymized, never deleted, so these never fire (docs/requirements.md A1).
        /// </summary>
        private static readonly (string Table, string Column)[] UserForeignKeys =
        [
            ("memberships", "user_id"),
            ("integration_grants", "granted_by"),
            ("lists", "owner_user_id"),
            ("chores", "owner_user_id"),
            ("expenses", "created_by_user_id"),
            ("expenses", "voided_by_user_id"),
            ("expense_payers", "user_id"),
            ("expense_splits", "user_id"),
            ("expense_items", "for_user_id"),
            ("recurring_expenses", "created_by_user_id"),
            ("settlements", "from_user_id"),
            ("settlements", "to_user_id"),
            ("settlements", "recorded_by_user_id"),
            ("settlements", "voided_by_user_id"),
            ("split_payments", "debtor_user_id"),
            ("split_payments", "payee_user_id"),
            ("split_payments", "recorded_by_user_id"),
            ("split_payments", "voided_by_user_id"),
            ("receipts", "uploaded_by_user_id"),
            ("receipts", "detached_by_user_id"),
        ];

        /// <summary>
        /// Column defaults the old migration chain left behind when it added these columns to
        /// tables that could already hold rows (a backfill: payments recorded before pending ones
        /// existed stay confirmed). The model declares no default and every insert sets the
        /// columns; they are kept so that this baseline builds exactly the schema the chain built.
        /// </summary>
        private const string BackfillDefaults = """
            ALTER TABLE split_payments ALTER COLUMN status SET DEFAULT 'Confirmed';
            ALTER TABLE split_payments ALTER COLUMN version SET DEFAULT 1;
            ALTER TABLE memberships ALTER COLUMN removed SET DEFAULT false;
            """;

        /// <summary>The audit trail is append-only: the database itself refuses to change or delete a row.</summary>
        private const string CreateAuditAppendOnlyGuard = """
            CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'restrict_violation';
            END;
            $$;
            CREATE TRIGGER audit_events_append_only
                BEFORE UPDATE OR DELETE ON audit_events
                FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
            """;

        /// <summary>
        /// Every change that can end a session (a token's or an authorization's status, its
        /// deletion, a user's security stamp, lockout or activity) notifies the API hosts on commit,
        /// naming the subject, so that their in-memory session caches forget it (ADR 0020).
        /// </summary>
        private const string CreateSessionInvalidationNotify = """
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
            """;

        /// <summary>
        /// The triggers that wake the webhook relay (ADR 0032): one <c>ledger_webhooks</c>
        /// notification per statement that inserts outbox events or deliveries, sent by PostgreSQL
        /// on COMMIT (never for a rolled-back change).
        /// </summary>
        private const string CreateWebhookNotify = """
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
            """;

        private static void AddWhatTheModelCannotDescribe(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in UserForeignKeys)
            {
                migrationBuilder.AddForeignKey(
                    name: UserForeignKeyName(table, column),
                    table: table,
                    column: column,
                    principalTable: "asp_net_users",
                    principalColumn: "id",
                    onDelete: ReferentialAction.Restrict
                );
            }

            migrationBuilder.Sql(BackfillDefaults);
            migrationBuilder.Sql(CreateAuditAppendOnlyGuard);
            migrationBuilder.Sql(CreateSessionInvalidationNotify);
            migrationBuilder.Sql(CreateWebhookNotify);
        }

        private static void DropWhatTheModelCannotDescribe(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER webhooks_wake_on_outbox ON outbox_messages;
                DROP TRIGGER webhooks_wake_on_delivery ON webhook_deliveries;
                DROP FUNCTION ledger_notify_webhooks();
                DROP TRIGGER session_change_on_update ON open_iddict_tokens;
                DROP TRIGGER session_change_on_delete ON open_iddict_tokens;
                DROP TRIGGER session_change_on_update ON open_iddict_authorizations;
                DROP TRIGGER session_change_on_delete ON open_iddict_authorizations;
                DROP TRIGGER session_change_on_update ON asp_net_users;
                DROP TRIGGER session_change_on_delete ON asp_net_users;
                DROP FUNCTION ledger_notify_session_change();
                DROP TRIGGER audit_events_append_only ON audit_events;
                DROP FUNCTION audit_events_append_only();
                """
            );

            foreach (var (table, column) in UserForeignKeys)
            {
                migrationBuilder.DropForeignKey(
                    name: UserForeignKeyName(table, column),
                    table: table
                );
            }
        }

        private static string UserForeignKeyName(string table, string column) =>
            $"fk_{table}_asp_net_users_{column}";
    }
}
